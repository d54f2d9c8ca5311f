<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImportMarkdown</name>
    <message>
        <source>a code block</source>
        <translation>代码块</translation>
    </message>
    <message>
        <source>an HTML block</source>
        <translation>HTML 块</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>line {number}: skipped {what}</source>
        <translation>第 {number} 行：已跳过{what}</translation>
    </message>
    <message>
        <source>line {number}: skipped an image ({description})</source>
        <translation>第 {number} 行：已跳过图片（{description}）</translation>
    </message>
    <message>
        <source>no description</source>
        <translation>无描述</translation>
    </message>
    <message>
        <source>line {number}: dropped the HTML tag {tag}</source>
        <translation>第 {number} 行：已删除 HTML 标签 {tag}</translation>
    </message>
</context>
</TS>
