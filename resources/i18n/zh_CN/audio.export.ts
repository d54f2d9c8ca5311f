<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AudioExport</name>
    <message>
        <source>cannot export {fmt!r} (choose {formats})</source>
        <translation>无法导出为 {fmt!r}（请选择 {formats}）</translation>
    </message>
</context>
</TS>
