<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Connection</name>
    <message>
        <source>Another MiniMax Studio holds the demo but does not answer, so this one started an empty demo that keeps nothing once closed.</source>
        <translation>另一个 MiniMax Studio 占用了演示模式但没有响应，因此此窗口启动了一个空的演示，关闭后不会保留任何内容。</translation>
    </message>
    <message>
        <source>using the demo of the MiniMax Studio already running (process {pid}), shared with it</source>
        <translation>正在使用已运行的 MiniMax Studio（进程 {pid}）的演示模式，与其共享</translation>
    </message>
</context>
</TS>
