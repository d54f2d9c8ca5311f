<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>VoiceRules</name>
    <message>
        <source>must be 8–256 characters (got {count})</source>
        <translation>必须为 8–256 个字符（当前为 {count} 个）</translation>
    </message>
    <message>
        <source>must start with a letter (got {first})</source>
        <translation>必须以字母开头（当前为 {first}）</translation>
    </message>
    <message>
        <source>may only contain letters, digits, - and _ (found {characters})</source>
        <translation>只能包含字母、数字、- 和 _（发现 {characters}）</translation>
    </message>
    <message>
        <source>must not end with - or _ (got {last})</source>
        <translation>不能以 - 或 _ 结尾（当前为 {last}）</translation>
    </message>
    <message>
        <source>is required when text asks for a preview</source>
        <translation>在用 text 请求试听时为必填项</translation>
    </message>
    <message>
        <source>a voice preview</source>
        <translation>音色试听</translation>
    </message>
</context>
</TS>
