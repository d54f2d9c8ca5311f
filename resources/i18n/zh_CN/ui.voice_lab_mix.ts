<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MixRow</name>
    <message>
        <source>Remove this voice from the mix</source>
        <translation>从混合音色中移除这个音色</translation>
    </message>
    <message>
        <source>Voice {n}</source>
        <translation>音色 {n}</translation>
    </message>
    <message>
        <source>Weight of voice {n}</source>
        <translation>音色 {n} 的权重</translation>
    </message>
    <message>
        <source>Remove voice {n}</source>
        <translation>移除音色 {n}</translation>
    </message>
</context>
<context>
    <name>MixTab</name>
    <message>
        <source>+ &amp;Add voice</source>
        <translation>+ 添加音色(&amp;A)</translation>
    </message>
    <message>
        <source>What the mix says when you preview it</source>
        <translation>预览混合音色时朗读的文本</translation>
    </message>
    <message>
        <source>▶  &amp;Preview mix</source>
        <translation>▶  预览混合音色(&amp;P)</translation>
    </message>
    <message>
        <source>L&amp;ive: preview again when the weights change</source>
        <translation>实时：权重变化时重新预览(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Clone this mix…</source>
        <translation>复刻这个混合音色(&amp;C)…</translation>
    </message>
    <message numerus="yes">
        <source>A mix has no voice id of its own: every request has to send the same weights again, and it can&apos;t be designed further. To make it a voice, render the mix reading a ~20 s passage and clone that recording. Rendering costs %Ln character(s); the clone then appears in your voices like any other (and expires after 7 days unless used).</source>
        <translation>
            <numerusform>混合音色没有自己的音色 ID：每次请求都要重新发送相同的权重，也不能继续进行音色设计。要把它变成一个音色，先用混合音色生成一段约 20 秒的朗读，再复刻这段录音。生成需要 %Ln 个字符；复刻后的音色会像其他音色一样出现在你的音色中（若不使用，7 天后过期）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep a mix as a voice</source>
        <translation>把混合音色保存为音色</translation>
    </message>
    <message>
        <source>&amp;Line</source>
        <translation>文本(&amp;L)</translation>
    </message>
    <message>
        <source>Mix up to four voices</source>
        <translation>最多混合四个音色</translation>
    </message>
    <message>
        <source>Weights are relative (1–100): 60 and 40 sound the same as 30 and 20.</source>
        <translation>权重是相对的（1–100）：60 和 40 与 30 和 20 听起来一样。</translation>
    </message>
    <message numerus="yes">
        <source>Each preview is billed like speech: %Ln character(s).</source>
        <translation>
            <numerusform>每次预览按语音合成计费：%Ln 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mixing {voices}…</source>
        <translation>正在混合 {voices}…</translation>
    </message>
    <message>
        <source>Played the mix.</source>
        <translation>已播放混合音色。</translation>
    </message>
    <message numerus="yes">
        <source>Played the mix (%Ln character(s) billed).</source>
        <translation>
            <numerusform>已播放混合音色（计费 %Ln 个字符）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rendering a 20 s passage in the mix…</source>
        <translation>正在用混合音色生成一段 20 秒的朗读…</translation>
    </message>
    <message>
        <source>Rendered {file}: check and clone it in the Clone tab.</source>
        <translation>已生成 {file}：请在“音色快速复刻”页检查并复刻。</translation>
    </message>
    <message>
        <source>The mix couldn&apos;t be played.</source>
        <translation>无法播放混合音色。</translation>
    </message>
    <message>
        <source>■  &amp;Stop</source>
        <translation>■  停止(&amp;S)</translation>
    </message>
</context>
</TS>
