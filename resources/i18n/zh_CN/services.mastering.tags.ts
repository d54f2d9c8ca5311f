<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MasteringTags</name>
    <message>
        <source>{file} is not a JPEG or PNG picture: covers are JPEG or PNG</source>
        <translation>{file} 不是 JPEG 或 PNG 图片：封面须为 JPEG 或 PNG</translation>
    </message>
</context>
</TS>
