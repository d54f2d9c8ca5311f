<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Voices</source>
        <translation>音色</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>语音合成</translation>
    </message>
    <message>
        <source>Voice Lab</source>
        <translation>音色实验室</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>媒体库</translation>
    </message>
    <message>
        <source>Productions</source>
        <translation>制作</translation>
    </message>
    <message>
        <source>{title} ({date})</source>
        <translation>{title}（{date}）</translation>
    </message>
    <message>
        <source>Library rebuilt</source>
        <translation>媒体库已重建</translation>
    </message>
</context>
</TS>
