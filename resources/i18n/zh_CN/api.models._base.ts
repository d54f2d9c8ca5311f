<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ModelRules</name>
    <message>
        <source>a {kind} of {count} items</source>
        <translation>含 {count} 项的 {kind}</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>is not a known setting</source>
        <translation>不是可识别的设置</translation>
    </message>
    <message>
        <source>must be one of {expected} (got {value})</source>
        <translation>必须是 {expected} 之一（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be a whole number (got {value})</source>
        <translation>必须是整数（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be a number (got {value})</source>
        <translation>必须是数字（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be true or false (got {value})</source>
        <translation>必须是 true 或 false（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be text (got {value})</source>
        <translation>必须是文本（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be a list (got {value})</source>
        <translation>必须是列表（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be an object with named settings (got {value})</source>
        <translation>必须是包含具名设置的对象（当前为 {value}）</translation>
    </message>
    <message>
        <source>is invalid: {reason} (got {value})</source>
        <translation>无效：{reason}（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be greater than {lo:g} and at most {hi:g} (got {value})</source>
        <translation>必须大于 {lo:g} 且不超过 {hi:g}（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be between {lo:g} and {hi:g} (got {value})</source>
        <translation>必须介于 {lo:g} 和 {hi:g} 之间（当前为 {value}）</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be {lo:,}–{hi:,} characters (got {count:,})</source>
        <translation>必须为 {lo:,}–{hi:,} 个字符（当前为 {count:,} 个）</translation>
    </message>
    <message>
        <source>must be at most {hi:,} characters (got {count:,})</source>
        <translation>最多 {hi:,} 个字符（当前为 {count:,} 个）</translation>
    </message>
    <message>
        <source>must be an http(s) URL (got {value})</source>
        <translation>必须是 http(s) URL（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be an http(s) URL or a data:image/({kinds});base64,… URL (got {value})</source>
        <translation>必须是 http(s) URL 或 data:image/({kinds});base64,… URL（当前为 {value}）</translation>
    </message>
    <message>
        <source>MiniMax sent a {model} Studio can&apos;t read ({where}: {reason}). Try again; if it keeps happening the API may have changed.</source>
        <translation>MiniMax 返回的 {model} 无法被 Studio 读取（{where}：{reason}）。请重试；如果一直出现，可能是 API 已更改。</translation>
    </message>
    <message>
        <source>MiniMax sent {what} that isn&apos;t valid hex audio. Try again; if it keeps happening the API may have changed.</source>
        <translation>MiniMax 返回的{what}不是有效的十六进制音频。请重试；如果一直出现，可能是 API 已更改。</translation>
    </message>
</context>
</TS>
