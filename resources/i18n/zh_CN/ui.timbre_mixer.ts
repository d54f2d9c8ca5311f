<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>TimbreMixer</name>
    <message>
        <source>Mi&amp;x voices (replaces the single voice)</source>
        <translation>混合音色（替代单一音色）(&amp;X)</translation>
    </message>
    <message>
        <source>Add voice</source>
        <translation>添加音色</translation>
    </message>
    <message>
        <source>Add a voice to the mix</source>
        <translation>向混合音色中添加音色</translation>
    </message>
    <message>
        <source>Weights are relative (1–100).</source>
        <translation>权重是相对的（1–100）。</translation>
    </message>
    <message>
        <source>Remove this voice from the mix</source>
        <translation>从混合音色中移除这个音色</translation>
    </message>
    <message>
        <source>Mixed voice {n}</source>
        <translation>混合音色中的音色 {n}</translation>
    </message>
    <message>
        <source>Weight of voice {n}</source>
        <translation>音色 {n} 的权重</translation>
    </message>
    <message>
        <source>Remove voice {n}</source>
        <translation>移除音色 {n}</translation>
    </message>
</context>
<context>
    <name>VoicePicker</name>
    <message>
        <source>Voice name or id</source>
        <translation>音色名称或 ID</translation>
    </message>
</context>
</TS>
