<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Export</name>
    <message>
        <source>Raw PCM, 16-bit</source>
        <translation>原始 PCM，16 位</translation>
    </message>
    <message>
        <source>This {kind} is a .{fmt} file: save it with the .{fmt} extension (not .{wanted}).</source>
        <translation>此{kind}是 .{fmt} 文件：请以 .{fmt} 扩展名保存（而不是 .{wanted}）。</translation>
    </message>
    <message>
        <source>Audio can be exported as {choices}; “{name}” names none of them.</source>
        <translation>音频可导出为 {choices}；“{name}”不是其中任何一种。</translation>
    </message>
</context>
</TS>
