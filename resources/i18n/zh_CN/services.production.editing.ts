<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionEditing</name>
    <message>
        <source>must not be empty: a line says something (delete the line in script.md to remove it)</source>
        <translation>不能为空：每一行都要有内容（要移除该行，请在 script.md 中删除它）</translation>
    </message>
    <message>
        <source>must be a name of capitals, digits and . &apos; - (at most 40 characters), such as HOST or DR. LEE (got {speaker})</source>
        <translation>须为由大写字母、数字和 . &apos; - 组成的名称（最多 40 个字符），例如 HOST 或 DR. LEE（当前为 {speaker}）</translation>
    </message>
    <message>
        <source>can&apos;t be written to script.md as it is: {rule}</source>
        <translation>无法按原样写入 script.md：{rule}</translation>
    </message>
    <message>
        <source>would read back from script.md as other lines (it looks like a heading or a SPEAKER: line); reword its start</source>
        <translation>从 script.md 读回时会变成其他行（它看起来像标题或 SPEAKER: 行）；请改写开头</translation>
    </message>
</context>
</TS>
