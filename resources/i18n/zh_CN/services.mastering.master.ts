<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Mastering</name>
    <message>
        <source>Measuring the voice</source>
        <translation>正在测量人声</translation>
    </message>
    <message>
        <source>Measuring</source>
        <translation>正在测量</translation>
    </message>
    <message>
        <source>Mastering</source>
        <translation>正在进行母带处理</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>Mastering again</source>
        <translation>再次进行母带处理</translation>
    </message>
    <message>
        <source>Checking again</source>
        <translation>再次检查</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>{file} holds no audio</source>
        <translation>{file} 不含音频</translation>
    </message>
    <message>
        <source>can&apos;t read {file} as audio: {reason}</source>
        <translation>无法将 {file} 读取为音频：{reason}</translation>
    </message>
    <message>
        <source>{file} should end in .{ext} for a {format} file</source>
        <translation>{format} 文件的文件名应以 .{ext} 结尾：{file}</translation>
    </message>
    <message>
        <source>{count} chapters: some players list only the first {limit}</source>
        <translation>共 {count} 个章节：部分播放器只列出前 {limit} 个</translation>
    </message>
    <message>
        <source>the music bed can&apos;t be used: {problems}</source>
        <translation>无法使用背景音乐：{problems}</translation>
    </message>
    <message>
        <source>the programme is silent: there is nothing to master</source>
        <translation>节目无声：没有可进行母带处理的内容</translation>
    </message>
    <message>
        <source>the music {file} is silent</source>
        <translation>音乐 {file} 无声</translation>
    </message>
</context>
</TS>
