<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>WaveformView</name>
    <message>
        <source>Click to play from there</source>
        <translation>点击即从该处播放</translation>
    </message>
    <message>
        <source>Generate to see the waveform</source>
        <translation>生成后在此显示波形</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>波形</translation>
    </message>
    <message>
        <source>{position} of {duration}</source>
        <comment>where playback is, in the take: 0:01 of 0:04</comment>
        <translation>{position} / {duration}</translation>
    </message>
</context>
</TS>
