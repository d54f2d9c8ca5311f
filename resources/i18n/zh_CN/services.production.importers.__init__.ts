<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImportScript</name>
    <message>
        <source>read as script.md (it has speaker rows), so Markdown such as &apos;{markup}&apos; is kept as text: rename it to .markdown to read it as Markdown</source>
        <translation>已按 script.md 读取（其中有说话人行），因此“{markup}”等 Markdown 标记按文本保留：要按 Markdown 读取，请将扩展名改为 .markdown</translation>
    </message>
    <message>
        <source>can&apos;t import &apos;{suffix}&apos; files: import .txt, .md, .fountain, .srt, .vtt, .epub or .csv</source>
        <translation>无法导入“{suffix}”文件：可导入 .txt、.md、.fountain、.srt、.vtt、.epub 或 .csv</translation>
    </message>
    <message>
        <source>speaker text</source>
        <translation>说话人文本</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>no text to narrate was found in it (read as {format})</source>
        <translation>其中没有找到可朗读的文本（读取格式：{format}）</translation>
    </message>
</context>
</TS>
