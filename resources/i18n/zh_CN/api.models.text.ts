<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>TextRules</name>
    <message>
        <source>must hold at least one message</source>
        <translation>至少须包含一条消息</translation>
    </message>
    <message>
        <source>must be greater than 0 (got {tokens})</source>
        <translation>必须大于 0（当前为 {tokens}）</translation>
    </message>
    <message>
        <source>must be at most {limit:,} for {model} (got {tokens:,})</source>
        <translation>对 {model} 最多为 {limit:,}（当前为 {tokens:,}）</translation>
    </message>
    <message>
        <source>MiniMax&apos;s call of {function} has arguments that are not JSON</source>
        <translation>MiniMax 对 {function} 的调用参数不是 JSON</translation>
    </message>
    <message>
        <source>MiniMax sent a chat answer without choices. Try again; if it keeps happening the API may have changed.</source>
        <translation>MiniMax 返回的对话回答中没有 choices。请重试；如果一直出现，可能是 API 已更改。</translation>
    </message>
    <message>
        <source>is required (a file uploaded with purpose batch)</source>
        <translation>为必填项（一个以 purpose batch 上传的文件）</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be false in a batch: batch answers are not streamed</source>
        <translation>在批处理中必须为 false：批处理的回答不以流式返回</translation>
    </message>
    <message>
        <source>must be unique in a batch ({custom_id} is used twice)</source>
        <translation>在一个批处理中必须唯一（{custom_id} 被使用了两次）</translation>
    </message>
    <message>
        <source>a batch holds 1–{most:,} requests (got {count:,})</source>
        <translation>一个批处理包含 1–{most:,} 个请求（当前为 {count:,} 个）</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>a batch result line must be a JSON object (got {kind})</source>
        <translation>批处理结果行必须是 JSON 对象（当前为 {kind}）</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>Line {number} of a batch result file is not JSON. Try again; if it keeps happening the API may have changed.</source>
        <translation>批处理结果文件的第 {number} 行不是 JSON。请重试；如果一直出现，可能是 API 已更改。</translation>
    </message>
</context>
</TS>
