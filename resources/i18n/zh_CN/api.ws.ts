<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SpeechWebSocket</name>
    <message>
        <source>Expected connected_success, got {event!r}</source>
        <translation>预期收到 connected_success，实际收到 {event!r}</translation>
    </message>
    <message>
        <source>Expected task_started, got {event!r}</source>
        <translation>预期收到 task_started，实际收到 {event!r}</translation>
    </message>
    <message>
        <source>The speech WebSocket closed: {error}</source>
        <translation>语音合成 WebSocket 已关闭：{error}</translation>
    </message>
    <message>
        <source>Malformed WebSocket message from the server: {frame!r}</source>
        <translation>服务器发来的 WebSocket 消息格式错误：{frame!r}</translation>
    </message>
    <message>
        <source>Unexpected WebSocket message from the server: {frame!r}</source>
        <translation>服务器发来意外的 WebSocket 消息：{frame!r}</translation>
    </message>
    <message>
        <source>task failed</source>
        <translation>任务失败</translation>
    </message>
</context>
</TS>
