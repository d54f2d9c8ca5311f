<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>VoicesTab</name>
    <message>
        <source>Cloned</source>
        <translation>复刻</translation>
    </message>
    <message>
        <source>Designed</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Kept for good</source>
        <translation>永久保留</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>{hours} h left</source>
        <translation>剩余 {hours} 小时</translation>
    </message>
    <message>
        <source>{days} days left ({hours} h)</source>
        <translation>剩余 {days} 天（{hours} 小时）</translation>
    </message>
    <message>
        <source>⟳  &amp;Refresh</source>
        <translation>⟳  刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Your cloned and designed voices</source>
        <translation>你复刻和设计的音色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Voice id</source>
        <translation>音色 ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Your name for this voice</source>
        <translation>你给这个音色起的名字</translation>
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
        <source>&amp;Save name and notes</source>
        <translation>保存名称和备注(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>激活(&amp;A)</translation>
    </message>
    <message>
        <source>Renders “{line}” with this voice in Speech: MiniMax then keeps it for good. Billed like any speech.</source>
        <translation>用这个音色在语音合成中生成“{line}”，之后 MiniMax 会永久保留它。按普通语音合成计费。</translation>
    </message>
    <message>
        <source>&amp;Use in Speech</source>
        <translation>在语音合成中使用(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>MiniMax deletes a cloned or designed voice 168 hours (7 days) after it was made unless it is used in a speech request. Activating renders one short line, which counts as use.</source>
        <translation>复刻或设计的音色若未在语音合成请求中使用，MiniMax 会在创建 168 小时（7 天）后将其删除。激活会生成一句短句，算作一次使用。</translation>
    </message>
    <message>
        <source>Voices you clone or design appear here, with the time left before MiniMax deletes them.</source>
        <translation>你复刻或设计的音色会显示在这里，并标出 MiniMax 删除它们前的剩余时间。</translation>
    </message>
    <message>
        <source>&amp;Clone a voice</source>
        <translation>复刻音色(&amp;C)</translation>
    </message>
    <message>
        <source>D&amp;esign a voice</source>
        <translation>设计音色(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <source>%n voice(s)</source>
        <translation>
            <numerusform>%n 个音色</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a voice</source>
        <translation>选择一个音色</translation>
    </message>
    <message>
        <source>Used in Speech: MiniMax keeps this voice for good.</source>
        <translation>已在语音合成中使用：MiniMax 会永久保留这个音色。</translation>
    </message>
    <message numerus="yes">
        <source>{left}: deleted on {when} unless used in Speech. Activate renders “{line}” (%Ln character(s) billed).</source>
        <translation>
            <numerusform>{left}：若不在语音合成中使用，将于 {when} 删除。激活会生成“{line}”（计费 %Ln 个字符）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved the name and notes of {voice}.</source>
        <translation>已保存 {voice} 的名称和备注。</translation>
    </message>
    <message>
        <source>Activating {voice}: rendering “{line}”…</source>
        <translation>正在激活 {voice}：生成“{line}”…</translation>
    </message>
    <message numerus="yes">
        <source>{voice} is kept for good (%Ln character(s) billed).</source>
        <translation>
            <numerusform>{voice} 已永久保留（计费 %Ln 个字符）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete voice</source>
        <translation>删除音色</translation>
    </message>
    <message>
        <source>Delete {name} ({voice})?

It is removed from your MiniMax account and its local name and notes are forgotten. A deleted voice id can never be used again, not even for a new clone.</source>
        <translation>删除 {name}（{voice}）？

它会从你的 MiniMax 账户中移除，本地名称和备注也会一并清除。删除后的音色 ID 再也不能使用，新的复刻也不行。</translation>
    </message>
    <message>
        <source>Deleting {voice}…</source>
        <translation>正在删除 {voice}…</translation>
    </message>
    <message>
        <source>Deleted {voice}. Its id can&apos;t be reused.</source>
        <translation>已删除 {voice}。它的 ID 不能再使用。</translation>
    </message>
</context>
</TS>
