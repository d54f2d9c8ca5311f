<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>VoiceLabPanel</name>
    <message>
        <source>Clone</source>
        <translation>音色快速复刻</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>音色设计</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>混合音色</translation>
    </message>
    <message>
        <source>My voices</source>
        <translation>我的音色</translation>
    </message>
    <message>
        <source>Voice Lab</source>
        <translation>音色实验室</translation>
    </message>
    <message>
        <source>My voices  ⚠ {count}</source>
        <translation>我的音色  ⚠ {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n voice(s) expire within {hours} h unless used</source>
        <translation>
            <numerusform>%n 个音色若不使用，将在 {hours} 小时内过期</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” is in your voices; it expires in 7 days unless used in Speech.</source>
        <translation>“{name}”已在你的音色中；若不在语音合成中使用，7 天后过期。</translation>
    </message>
</context>
</TS>
