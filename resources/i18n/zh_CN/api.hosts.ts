<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApiHosts</name>
    <message>
        <source>API host must be an https:// URL such as {example} (got {url!r})</source>
        <translation>API 主机必须是 https:// 地址，例如 {example}（当前为 {url!r}）</translation>
    </message>
    <message>
        <source>plain http:// is only allowed for a local emulator on 127.0.0.1/localhost; use https:// (got {url!r})</source>
        <translation>普通 http:// 仅允许用于 127.0.0.1/localhost 上的本地模拟器；请使用 https://（当前为 {url!r}）</translation>
    </message>
</context>
</TS>
