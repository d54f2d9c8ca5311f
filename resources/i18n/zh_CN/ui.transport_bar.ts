<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>TransportBar</name>
    <message>
        <source>Play the last take (Space, or F5 while typing)</source>
        <translation>播放最近的版本（空格键；输入时按 F5）</translation>
    </message>
    <message>
        <source>Stop (Space, or F5 while typing)</source>
        <translation>停止（空格键；输入时按 F5）</translation>
    </message>
    <message>
        <source>TTFA {ms} ms</source>
        <comment>time to first audio</comment>
        <translation>首音时延 {ms} ms</translation>
    </message>
    <message>
        <source>first byte {ms} ms</source>
        <comment>time to the first byte of audio</comment>
        <translation>首字节 {ms} ms</translation>
    </message>
    <message>
        <source>waiting for audio…</source>
        <translation>等待音频…</translation>
    </message>
    <message>
        <source>not played (no audio output)</source>
        <translation>未播放（没有音频输出设备）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln underrun(s)</source>
        <translation>
            <numerusform>%Ln 次欠载</numerusform>
        </translation>
    </message>
    <message>
        <source>file</source>
        <comment>how a replayed take streams: from its saved file</comment>
        <translation>文件</translation>
    </message>
    <message>
        <source>{transport} (WebSocket failed)</source>
        <translation>{transport}（WebSocket 连接失败）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Play</source>
        <comment>verb: play the last take</comment>
        <translation>播放</translation>
    </message>
</context>
</TS>
