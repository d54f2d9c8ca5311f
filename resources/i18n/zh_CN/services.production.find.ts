<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionFind</name>
    <message>
        <source>line {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <source>would be empty after the replacement: a line says something (delete the line in script.md to remove it)</source>
        <translation>替换后将为空：每一行都要有内容（要删除该行，请在 script.md 中删除）</translation>
    </message>
    <message>
        <source>would read back from script.md as other lines after the replacement (it would look like a heading or a SPEAKER: line); reword it</source>
        <translation>替换后从 script.md 读回时会变成其他行（看起来像标题或 SPEAKER: 行）；请改写</translation>
    </message>
</context>
</TS>
