<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Playback</name>
    <message>
        <source>first byte {first_byte}, not played: {reason}</source>
        <translation>首字节 {first_byte}，未播放：{reason}</translation>
    </message>
    <message>
        <source>first byte {first_byte}, first sound {first_sound} (client {client}), {underruns} underruns</source>
        <translation>首字节 {first_byte}，首次出声 {first_sound}（客户端 {client}），欠载 {underruns} 次</translation>
    </message>
    <message>
        <source>The audio output {device!r} is not taking any audio</source>
        <translation>音频输出 {device!r} 没有接收任何音频</translation>
    </message>
</context>
</TS>
