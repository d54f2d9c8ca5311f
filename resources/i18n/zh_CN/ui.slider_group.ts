<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ValueSlider</name>
    <message>
        <source>Double-click to reset</source>
        <translation>双击可重置</translation>
    </message>
</context>
</TS>
