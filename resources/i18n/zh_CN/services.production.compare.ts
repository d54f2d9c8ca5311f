<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CompareTakes</name>
    <message>
        <source>take {take} of line {number} is not complete: render it first</source>
        <translation>第 {number} 行的版本 {take} 尚未完成：请先生成</translation>
    </message>
</context>
</TS>
