<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImportBase</name>
    <message>
        <source>can&apos;t read the file ({reason})</source>
        <translation>无法读取该文件（{reason}）</translation>
    </message>
    <message>
        <source>this is a binary file, not text: a script must be UTF-8 text</source>
        <translation>这是二进制文件，不是文本：脚本须为 UTF-8 文本</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte}): save it as UTF-8 and import again</source>
        <translation>不是 UTF-8 文本（第 {byte} 字节）：请另存为 UTF-8 后重新导入</translation>
    </message>
    <message>
        <source>the file is empty: there is nothing to narrate</source>
        <translation>文件为空：没有可朗读的内容</translation>
    </message>
    <message>
        <source>line {number}: {rule}</source>
        <translation>第 {number} 行：{rule}</translation>
    </message>
</context>
</TS>
