<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>JobNotifier</name>
    <message>
        <source>Video ready</source>
        <translation>视频已就绪</translation>
    </message>
    <message>
        <source>Video failed</source>
        <translation>视频生成失败</translation>
    </message>
    <message>
        <source>Video ready: {what}</source>
        <translation>视频已就绪：{what}</translation>
    </message>
    <message>
        <source>Video failed: {what} — {reason}</source>
        <translation>视频生成失败：{what} — {reason}</translation>
    </message>
</context>
</TS>
