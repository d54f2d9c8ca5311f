<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImportFountain</name>
    <message>
        <source>the character cue &apos;{cue}&apos; can&apos;t be a speaker name (it must start with a letter and have at most 40 characters): its dialogue is read by the narrator</source>
        <translation>角色提示“{cue}”不能作为说话人名称（须以字母开头，最多 40 个字符）：其对白由旁白朗读</translation>
    </message>
    <message>
        <source>{speaker}: dropped the parenthetical {text}: it names no emotion MiniMax renders</source>
        <translation>{speaker}：已删除括号注释 {text}：其中没有 MiniMax 支持的情绪</translation>
    </message>
</context>
</TS>
