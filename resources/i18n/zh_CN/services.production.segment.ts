<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Segmenting</name>
    <message>
        <source>max_chars must be 1–{highest:,} (the API takes fewer than {limit:,} characters a request); got {max_chars:,}</source>
        <translation>max_chars 必须在 1–{highest:,} 之间（API 每次请求接受少于 {limit:,} 个字符）；当前为 {max_chars:,}</translation>
    </message>
    <message>
        <source>the text at character {start:,} (&apos;{excerpt}…&apos;) runs {max_chars:,} characters without a clause boundary (; : , —) or a space, so it can&apos;t be cut into units of at most {max_chars:,} characters (a request takes fewer than {limit:,}): add punctuation</source>
        <translation>从第 {start:,} 个字符开始的文本（“{excerpt}…”）连续 {max_chars:,} 个字符都没有分句标点（; : , —）或空格，无法切分为每段最多 {max_chars:,} 个字符的单元（每次请求需少于 {limit:,} 个字符）：请添加标点</translation>
    </message>
</context>
</TS>
