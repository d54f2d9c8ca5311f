<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Speech</name>
    <message>
        <source>{cause} The audio that arrived is kept in {path}.</source>
        <translation>{cause} 已收到的音频保存在 {path}。</translation>
    </message>
    <message>
        <source>must be {formats} for a text made in {parts} parts (got {got}): their audio is joined into one file as it arrives, and a wav or flac file has one header for the whole</source>
        <translation>分 {parts} 段生成的文本必须使用 {formats} 格式（收到 {got}）：各段音频会边接收边拼接为一个文件，而 wav 或 flac 文件整个文件只有一个文件头</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>{error} (writing {file}); the {bytes:,} bytes that fit are kept</source>
        <translation>{error}（写入 {file} 时）；已写入的 {bytes:,} 字节已保留</translation>
    </message>
    <message>
        <source>MiniMax sent a subtitle file Studio can&apos;t read ({reason})</source>
        <translation>MiniMax 发来的字幕文件无法读取（{reason}）</translation>
    </message>
    <message>
        <source>This take is not (fully) kept in the Library ({error}: {where}); your own file is unaffected.</source>
        <translation>此版本未（完整）保存到媒体库（{error}：{where}）；你自己的文件不受影响。</translation>
    </message>
</context>
</TS>
