<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Decoder</name>
    <message>
        <source>cannot decode {fmt!r} audio (supported: {formats})</source>
        <translation>无法解码 {fmt!r} 音频（支持：{formats}）</translation>
    </message>
    <message>
        <source>not a WAV stream</source>
        <translation>不是 WAV 音频流</translation>
    </message>
    <message>
        <source>only 16-bit PCM WAV streams are supported</source>
        <translation>仅支持 16 位 PCM WAV 音频流</translation>
    </message>
</context>
</TS>
