<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RenderCache</name>
    <message>
        <source>take must be 0 or more (got {take})</source>
        <translation>版本必须大于等于 0（当前为 {take}）</translation>
    </message>
</context>
</TS>
