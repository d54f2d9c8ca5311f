<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ServerStream</name>
    <message>
        <source>Malformed stream line from the server: {line!r}</source>
        <translation>服务器返回的流数据行格式错误：{line!r}</translation>
    </message>
    <message>
        <source>Malformed stream event from the server: {payload!r}</source>
        <translation>服务器返回的流事件格式错误：{payload!r}</translation>
    </message>
    <message>
        <source>Unexpected stream event from the server: {payload!r}</source>
        <translation>服务器返回了意外的流事件：{payload!r}</translation>
    </message>
</context>
</TS>
