<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionExport</name>
    <message>
        <source>as rendered, the episode is written as {formats}: master it (choose a preset) for {format}</source>
        <translation>按生成原样导出时，节目只能写为 {formats}：要导出 {format}，请进行母带处理（选择一个预设）</translation>
    </message>
    <message>
        <source>the cover can&apos;t be used: {reason}</source>
        <translation>无法使用该封面：{reason}</translation>
    </message>
    <message>
        <source>a music bed is mixed when mastering: choose a preset</source>
        <translation>背景音乐在母带处理时混入：请选择一个预设</translation>
    </message>
    <message>
        <source>choose the music for the bed</source>
        <translation>请选择背景音乐</translation>
    </message>
</context>
</TS>
