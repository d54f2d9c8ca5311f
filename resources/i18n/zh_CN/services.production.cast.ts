<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionCast</name>
    <message>
        <source>no voice for {names}: cast each speaker with `studio production cast SPEAKER VOICE`</source>
        <translation>{names} 没有音色：请用 `studio production cast SPEAKER VOICE` 为每个说话人分配音色</translation>
    </message>
    <message>
        <source>must not be empty (leave it out to inherit the voice)</source>
        <translation>不能为空（省略即可沿用原音色）</translation>
    </message>
    <message>
        <source>can&apos;t be given with mix: a mix (timber_weights) replaces the single voice</source>
        <translation>不能与混合音色同时指定：混合音色（timber_weights）会取代单一音色</translation>
    </message>
    <message>
        <source>is not valid JSON: {error} at line {line}</source>
        <translation>不是有效的 JSON：第 {line} 行 {error}</translation>
    </message>
</context>
</TS>
