<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DesignTab</name>
    <message>
        <source>e.g. A warm, slightly husky woman in her fifties, unhurried, like a late-night radio host; clear diction, a smile in the voice.</source>
        <translation>例如：一位五十多岁的女性，声音温暖、略带沙哑，语速从容，像深夜电台主持人；吐字清晰，声音里带着笑意。</translation>
    </message>
    <message>
        <source>De&amp;scribe the voice</source>
        <translation>描述音色(&amp;S)</translation>
    </message>
    <message>
        <source>Who is speaking, how old, how they sound, the mood and pace.</source>
        <translation>谁在说话、多大年纪、声音怎样、情绪和节奏如何。</translation>
    </message>
    <message>
        <source>&amp;Preview text</source>
        <translation>试听文本(&amp;P)</translation>
    </message>
    <message>
        <source>Tried</source>
        <translation>尝试时间</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Kept as</source>
        <translation>保留为</translation>
    </message>
    <message>
        <source>Voice id</source>
        <translation>音色 ID</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>尝试记录</translation>
    </message>
    <message>
        <source>Every voice you design appears here, to play, compare and keep. Describe a voice on the left and press Design.</source>
        <translation>你设计的每个音色都会显示在这里，可播放、对比和保留。在左侧描述音色，然后按“设计”。</translation>
    </message>
    <message>
        <source>▶  P&amp;lay</source>
        <translation>▶  播放(&amp;L)</translation>
    </message>
    <message>
        <source>▶▶  &amp;Compare selected</source>
        <translation>▶▶  对比所选(&amp;C)</translation>
    </message>
    <message>
        <source>Select two or more tries (Ctrl+click): they play one after another</source>
        <translation>选择两个或更多尝试（Ctrl+点击）：依次播放</translation>
    </message>
    <message>
        <source>&amp;Edit this prompt</source>
        <translation>编辑此提示词(&amp;E)</translation>
    </message>
    <message>
        <source>e.g. Late-night host</source>
        <translation>例如：深夜主持人</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Use in Speech</source>
        <translation>在语音合成中使用(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Every try is a real voice on your account. Keep the one you like; tries you don&apos;t use in Speech are deleted by MiniMax after 7 days.</source>
        <translation>每次尝试都是你账户中的一个真实音色。保留你喜欢的那个；未在语音合成中使用的尝试会在 7 天后被 MiniMax 删除。</translation>
    </message>
    <message>
        <source>▶  &amp;Design</source>
        <translation>▶  设计(&amp;D)</translation>
    </message>
    <message>
        <source>{count} of {limit} characters</source>
        <translation>{count} / {limit} 个字符</translation>
    </message>
    <message numerus="yes">
        <source>Each try renders the preview text: %Ln character(s) billed.</source>
        <translation>
            <numerusform>每次尝试都会生成试听文本：计费 %Ln 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>Designing…</source>
        <translation>正在设计…</translation>
    </message>
    <message>
        <source>New try: {voice}</source>
        <translation>新的尝试：{voice}</translation>
    </message>
    <message>
        <source>Not designed.</source>
        <translation>未设计。</translation>
    </message>
    <message>
        <source>{prompt}

Preview: {text}</source>
        <translation>{prompt}

试听：{text}</translation>
    </message>
    <message>
        <source>★ kept</source>
        <translation>★ 已保留</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>保存(&amp;A)</translation>
    </message>
    <message>
        <source>Kept {voice}. Use it in Speech (or activate it in My voices) within 7 days to keep it for good.</source>
        <translation>已保留 {voice}。请在 7 天内在语音合成中使用它（或在“我的音色”中激活），即可永久保留。</translation>
    </message>
</context>
</TS>
