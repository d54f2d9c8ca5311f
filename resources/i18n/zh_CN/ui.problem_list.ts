<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProblemList</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Click to select it in the script.</source>
        <translation>点击可在脚本中选中它。</translation>
    </message>
    <message>
        <source>Click to show the setting.</source>
        <translation>点击可显示对应设置。</translation>
    </message>
</context>
</TS>
