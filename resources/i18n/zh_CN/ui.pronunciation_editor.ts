<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PronunciationEditor</name>
    <message>
        <source>No pronunciations yet: Add word to say a word your way</source>
        <translation>还没有发音：点击“添加词语”，自定义词语的读法</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Say as</source>
        <translation>读作</translation>
    </message>
    <message>
        <source>Pronunciations</source>
        <translation>发音</translation>
    </message>
    <message>
        <source>E.g. &quot;Omg&quot; → &quot;Oh my god&quot;, or Chinese tones as &quot;燕少飞&quot; → &quot;(yan4)(shao3)(fei1)&quot;</source>
        <translation>例如“Omg” → “Oh my god”，或用声调标注中文：“燕少飞” → “(yan4)(shao3)(fei1)”</translation>
    </message>
    <message>
        <source>Add word</source>
        <translation>添加词语</translation>
    </message>
    <message>
        <source>Add a pronunciation</source>
        <translation>添加发音</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected pronunciation</source>
        <translation>移除所选发音</translation>
    </message>
    <message>
        <source>Pronunciation row {number}: fill in both “Write” and “Say as”, or remove the row.</source>
        <translation>发音第 {number} 行：请同时填写“原文”和“读作”，或移除该行。</translation>
    </message>
    <message>
        <source>Pronunciation row {number}: “{word}” can&apos;t contain “/”.</source>
        <translation>发音第 {number} 行：“{word}”不能包含“/”。</translation>
    </message>
</context>
</TS>
