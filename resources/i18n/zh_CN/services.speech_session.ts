<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SpeechSession</name>
    <message>
        <source> at line {line}, column {column}</source>
        <translation>（第 {line} 行第 {column} 列）</translation>
    </message>
    <message>
        <source>The text is {count:,} characters, over MiniMax&apos;s {limit:,} a request, and can&apos;t be made in parts: {reason}</source>
        <translation>文本共 {count:,} 个字符，超过 MiniMax 单次请求的 {limit:,} 个字符上限，且无法分段生成：{reason}</translation>
    </message>
    <message>
        <source>The text is {count:,} characters: MiniMax takes fewer than {limit:,} a request, so it is made in parts of whole sentences, one after another, into one take.</source>
        <translation>文本共 {count:,} 个字符：MiniMax 单次请求须少于 {limit:,} 个字符，因此将按完整句子分段依次生成，合并为一个版本。</translation>
    </message>
    <message>
        <source>The text is {count:,} characters: over {limit:,} it is made in parts, joined as they arrive, which needs {formats} (not {format}). Cut {over:,} or pick mp3.</source>
        <translation>文本共 {count:,} 个字符：超过 {limit:,} 个字符时会分段生成并边接收边拼接，这需要 {formats} 格式（而不是 {format}）。请删减 {over:,} 个字符，或选择 mp3。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>{tag}{at} is read aloud by {model}: interjection tags need speech-2.8</source>
        <translation>{tag}{at}会被 {model} 直接念出来：语气词标签需要 speech-2.8</translation>
    </message>
</context>
</TS>
