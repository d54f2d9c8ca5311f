<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ScriptExport</name>
    <message>
        <source>can&apos;t export to &apos;{suffix}&apos;: export to .md (script.md), .txt (SPEAKER: text) or .csv</source>
        <translation>无法导出为“{suffix}”：请导出为 .md（script.md）、.txt（SPEAKER: 文本）或 .csv</translation>
    </message>
</context>
</TS>
