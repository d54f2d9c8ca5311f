<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>TaskRunner</name>
    <message>
        <source>Something went wrong ({error}). {details}</source>
        <translation>出错了（{error}）。{details}</translation>
    </message>
</context>
</TS>
