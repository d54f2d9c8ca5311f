<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AsyncChapters</name>
    <message>
        <source>its lines differ in emotion, speed or other settings; async speech takes one set</source>
        <translation>其中各行的情绪、语速或其他设置不同；异步语音合成只能使用一组设置</translation>
    </message>
    <message>
        <source>it is in an async speech task already paid for that can&apos;t be collected now ({error}); render again to collect it</source>
        <translation>它属于一个已付费但目前无法取回的异步语音合成任务（{error}）；请再次生成以取回</translation>
    </message>
</context>
</TS>
