<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionRender</name>
    <message>
        <source>{voices}: no such voice on this account (expired or deleted?); cast the speaker again with `studio production cast`. Nothing was sent</source>
        <translation>{voices}：此账户中没有该音色（已过期或已删除？）；请用 `studio production cast` 为说话人重新分配音色。未发送任何内容</translation>
    </message>
</context>
</TS>
