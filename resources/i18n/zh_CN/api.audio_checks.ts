<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AudioChecks</name>
    <message>
        <source>no audio stream</source>
        <translation>没有音频流</translation>
    </message>
    <message>
        <source>can&apos;t be read: {path} ({error})</source>
        <translation>无法读取：{path}（{error}）</translation>
    </message>
    <message>
        <source>is not audio</source>
        <translation>不是音频</translation>
    </message>
    <message>
        <source>{file} is not an audio file PyAV can read ({error}); use an mp3, m4a or wav recording</source>
        <translation>{file} 不是 PyAV 能读取的音频文件（{error}）；请使用 mp3、m4a 或 wav 录音</translation>
    </message>
    <message>
        <source>must be mp3, m4a or wav (this file is {format})</source>
        <translation>必须是 mp3、m4a 或 wav（此文件为 {format}）</translation>
    </message>
    <message>
        <source>{what} must be mp3, m4a or wav, judged by content (this file is {format})</source>
        <translation>{what}必须是 mp3、m4a 或 wav（按文件内容判断，此文件为 {format}）</translation>
    </message>
    <message>
        <source>must be at most 20 MB (got {size})</source>
        <translation>不能超过 20 MB（当前为 {size}）</translation>
    </message>
    <message>
        <source>{what} must be at most 20 MB (this file is {size})</source>
        <translation>{what}不能超过 20 MB（此文件为 {size}）</translation>
    </message>
    <message>
        <source>clone audio</source>
        <translation>复刻音频</translation>
    </message>
    <message>
        <source>10 s – 5 min</source>
        <translation>10 秒至 5 分钟</translation>
    </message>
    <message>
        <source>must be {span} long (got {seconds:.2f} s)</source>
        <translation>时长必须为 {span}（当前为 {seconds:.2f} 秒）</translation>
    </message>
    <message>
        <source>{what} must be {span} long (this file is {seconds:.2f} s)</source>
        <translation>{what}的时长必须为 {span}（此文件为 {seconds:.2f} 秒）</translation>
    </message>
    <message>
        <source>prompt audio</source>
        <translation>示例音频</translation>
    </message>
    <message>
        <source>must be shorter than 8 s (got {seconds:.2f} s)</source>
        <translation>必须短于 8 秒（当前为 {seconds:.2f} 秒）</translation>
    </message>
    <message>
        <source>prompt audio must be shorter than 8 s (this file is {seconds:.2f} s)</source>
        <translation>示例音频必须短于 8 秒（此文件为 {seconds:.2f} 秒）</translation>
    </message>
    <message>
        <source>must be wav or mp3 (this file is {format})</source>
        <translation>必须是 wav 或 mp3（此文件为 {format}）</translation>
    </message>
    <message>
        <source>a music reference must be wav or mp3, judged by content (this file is {format})</source>
        <translation>参考音乐必须是 wav 或 mp3（按文件内容判断，此文件为 {format}）</translation>
    </message>
    <message>
        <source>a music reference</source>
        <translation>参考音乐</translation>
    </message>
    <message>
        <source>10 s – 10 min</source>
        <translation>10 秒至 10 分钟</translation>
    </message>
</context>
</TS>
