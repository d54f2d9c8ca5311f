<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionAssemble</name>
    <message>
        <source>can&apos;t write {format} audio: the formats are {formats}</source>
        <translation>无法写入 {format} 音频：可用的格式为 {formats}</translation>
    </message>
    <message>
        <source>the timeline is empty: there is nothing to write</source>
        <translation>时间线为空：没有可写入的内容</translation>
    </message>
    <message>
        <source>{file} names a {suffix} file but the format asked for is {format}: name the file with the format&apos;s extension</source>
        <translation>{file} 是 {suffix} 文件名，但要求的格式是 {format}：请使用该格式的扩展名命名文件</translation>
    </message>
</context>
</TS>
