<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>JobPolling</name>
    <message>
        <source> [trace {trace_id}]</source>
        <translation>（Trace ID：{trace_id}）</translation>
    </message>
    <message>
        <source>Job {task_id} ended with status {status!r}; nothing was produced.{trace}</source>
        <translation>任务 {task_id} 以状态 {status!r} 结束，没有生成任何内容。{trace}</translation>
    </message>
    <message>
        <source>Job {task_id} is still running after {waited_s:.0f} s; it keeps running on the server, check it again later.</source>
        <translation>任务 {task_id} 已运行 {waited_s:.0f} 秒仍未完成；它会在服务器上继续运行，请稍后再查看。</translation>
    </message>
</context>
</TS>
