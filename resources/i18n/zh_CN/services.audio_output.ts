<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AudioOutput</name>
    <message>
        <source>No audio output: takes are saved but not played</source>
        <translation>没有音频输出：版本会保存，但不会播放</translation>
    </message>
</context>
</TS>
