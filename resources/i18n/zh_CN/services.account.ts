<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Account</name>
    <message>
        <source>No account is connected yet. Enter an API key or start the demo in File → Account…</source>
        <translation>尚未连接账户。请在“文件 → 账户…”中输入 API 密钥或启动演示模式。</translation>
    </message>
    <message>
        <source>Neither the global (api.minimax.io) nor the mainland China (api.minimaxi.com) host accepted this API key. Copy the key again from the MiniMax platform and check that it is not expired. It comes from the MINIMAX_API_KEY environment variable.</source>
        <translation>国际站（api.minimax.io）和中国大陆（api.minimaxi.com）的服务器都不接受此 API 密钥。请从 MiniMax 开放平台重新复制密钥，并确认它没有过期。此密钥来自 MINIMAX_API_KEY 环境变量。</translation>
    </message>
    <message>
        <source>Neither the global (api.minimax.io) nor the mainland China (api.minimaxi.com) host accepted this API key. Copy the key again from the MiniMax platform and check that it is not expired.</source>
        <translation>国际站（api.minimax.io）和中国大陆（api.minimaxi.com）的服务器都不接受此 API 密钥。请从 MiniMax 开放平台重新复制密钥，并确认它没有过期。</translation>
    </message>
</context>
</TS>
