<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DatabaseSchema</name>
    <message>
        <source>{path} was written by a newer MiniMax Studio (schema {version}); update the app</source>
        <translation>{path} 由更新版本的 MiniMax Studio 写入（架构版本 {version}）；请更新应用</translation>
    </message>
</context>
</TS>
