<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImportSubtitles</name>
    <message>
        <source>a WebVTT file starts with the row WEBVTT</source>
        <translation>WebVTT 文件须以 WEBVTT 一行开头</translation>
    </message>
    <message>
        <source>an SRT cue is a number, a row 00:00:01,000 --&gt; 00:00:02,000 and its text</source>
        <translation>SRT 字幕条由序号、一行 00:00:01,000 --&gt; 00:00:02,000 和其文本组成</translation>
    </message>
    <message>
        <source>not a valid {kind} file ({problem}): {rule}</source>
        <translation>不是有效的 {kind} 文件（{problem}）：{rule}</translation>
    </message>
    <message>
        <source>cue {number}: dropped the positioning tag(s) {tags}</source>
        <translation>字幕条 {number}：已删除定位标签 {tags}</translation>
    </message>
    <message>
        <source>cue {number}: dropped the sound description {text}</source>
        <translation>字幕条 {number}：已删除声音描述 {text}</translation>
    </message>
    <message>
        <source>cue {number} has several voices ({voices}): read as {speaker}&apos;s</source>
        <translation>字幕条 {number} 有多个说话人（{voices}）：归为 {speaker} 的台词</translation>
    </message>
    <message>
        <source>cue {number}: the voice &apos;{voice}&apos; can&apos;t be a speaker name: read by the narrator</source>
        <translation>字幕条 {number}：说话人标签“{voice}”不能作为说话人名称：由旁白朗读</translation>
    </message>
</context>
</TS>
