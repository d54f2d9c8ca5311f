<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ScriptEditor</name>
    <message>
        <source>{file} is {size} MB: a script file can be at most 1 MB of text</source>
        <translation>{file} 大小为 {size} MB：脚本文件最多 1 MB 文本</translation>
    </message>
    <message>
        <source>Couldn&apos;t read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text: save it as UTF-8 plain text and drop it again</source>
        <translation>{file} 不是 UTF-8 文本：请另存为 UTF-8 纯文本后再拖入</translation>
    </message>
    <message>
        <source>{file} is not a text file: drop a plain-text script (.txt, .md)</source>
        <translation>{file} 不是文本文件：请拖入纯文本脚本（.txt、.md）</translation>
    </message>
    <message>
        <source>Type or paste your script, or drop a text file here. Ctrl+Enter renders it (or the selection); moving a voice slider replays the sentence under the cursor.</source>
        <translation>在此输入或粘贴脚本，或拖入文本文件。按 Ctrl+Enter 生成全部（或所选内容）；移动滑块会重新播放光标所在的句子。</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Drop one script file at a time ({count} were dropped)</source>
        <translation>一次只能拖入一个脚本文件（拖入了 {count} 个）</translation>
    </message>
    <message numerus="yes">
        <source>Inserted {file} (%Ln character(s))</source>
        <translation>
            <numerusform>已插入 {file}（%Ln 个字符）</numerusform>
        </translation>
    </message>
</context>
</TS>
