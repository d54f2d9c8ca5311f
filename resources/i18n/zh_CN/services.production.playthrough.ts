<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PlayThrough</name>
    <message>
        <source>nothing to play</source>
        <translation>没有可播放的内容</translation>
    </message>
</context>
</TS>
