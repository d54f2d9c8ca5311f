<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Pacing</name>
    <message>
        <source>a request of {characters} characters can never fit in the limit of {tokens} characters per {window:g} s</source>
        <translation>{characters} 个字符的请求永远无法满足每 {window:g} 秒 {tokens} 个字符的限制</translation>
    </message>
</context>
</TS>
