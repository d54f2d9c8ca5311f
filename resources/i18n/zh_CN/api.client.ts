<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MiniMaxClient</name>
    <message>
        <source>The server&apos;s answer has no base_resp; it is not a MiniMax API response</source>
        <translation>服务器的响应中没有 base_resp，不是 MiniMax API 的响应</translation>
    </message>
    <message>
        <source>an API key is required (set MINIMAX_API_KEY or enter it in Account)</source>
        <translation>需要 API 密钥（设置 MINIMAX_API_KEY，或在“账户”中填写）</translation>
    </message>
    <message>
        <source>MiniMax accepted the request but sent nothing for {seconds:g} s ({url}).</source>
        <translation>MiniMax 已接受请求，但 {seconds:g} 秒内没有返回任何数据（{url}）。</translation>
    </message>
    <message>
        <source>The connection to {url} broke before the answer arrived: {what}. Check your connection and try again.</source>
        <translation>与 {url} 的连接在收到响应前中断：{what}。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to {path} is not JSON</source>
        <translation>服务器对 {path} 的响应不是 JSON</translation>
    </message>
    <message>
        <source>use t2a_stream() for stream=True requests</source>
        <translation>stream=True 的请求请使用 t2a_stream()</translation>
    </message>
    <message>
        <source>use music_stream() for stream=True requests</source>
        <translation>stream=True 的请求请使用 music_stream()</translation>
    </message>
    <message>
        <source>use chat_stream() for stream=True requests</source>
        <translation>stream=True 的请求请使用 chat_stream()</translation>
    </message>
    <message>
        <source>must be between 1 and 100 (got {limit})</source>
        <translation>必须在 1 到 100 之间（当前为 {limit}）</translation>
    </message>
    <message>
        <source>Download of {name} is incomplete: {received} of {expected} bytes</source>
        <translation>{name} 下载不完整：已收到 {received} / {expected} 字节</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>MiniMax accepted the chat request but sent nothing for {seconds:g} s.</source>
        <translation>MiniMax 已接受对话请求，但 {seconds:g} 秒内没有返回任何内容。</translation>
    </message>
    <message>
        <source>The chat stream stalled: MiniMax sent nothing for {seconds:g} s after {received:,} characters.</source>
        <translation>对话流中断：MiniMax 在发送 {received:,} 个字符后 {seconds:g} 秒内没有再发送内容。</translation>
    </message>
    <message>
        <source>MiniMax closed the chat stream after {received:,} characters, before the end of the answer.</source>
        <translation>MiniMax 在发送 {received:,} 个字符后、回答结束前关闭了对话流。</translation>
    </message>
    <message>
        <source>MiniMax answered, then closed the chat stream before any text arrived. Try again.</source>
        <translation>MiniMax 已响应，但在收到任何文本前关闭了对话流。请重试。</translation>
    </message>
</context>
</TS>
