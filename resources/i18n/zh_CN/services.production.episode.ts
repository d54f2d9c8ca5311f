<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Episode</name>
    <message>
        <source>nothing is rendered yet: there is nothing to export</source>
        <translation>还没有生成任何内容：没有可导出的音频</translation>
    </message>
    <message>
        <source>{stage} {file}</source>
        <translation>{stage}：{file}</translation>
    </message>
</context>
</TS>
