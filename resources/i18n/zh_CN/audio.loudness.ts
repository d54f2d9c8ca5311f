<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Loudness</name>
    <message>
        <source>loudness is measured on mono or stereo audio, not {channels} channels</source>
        <translation>响度只能在单声道或立体声音频上测量，不支持 {channels} 声道</translation>
    </message>
    <message>
        <source>there is no audio to measure</source>
        <translation>没有可测量的音频</translation>
    </message>
</context>
</TS>
