<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Recorder</name>
    <message>
        <source>No audio input is available ({error}).</source>
        <translation>没有可用的音频输入（{error}）。</translation>
    </message>
    <message>
        <source>No microphone or other audio input was found ({error}).</source>
        <translation>未找到麦克风或其他音频输入（{error}）。</translation>
    </message>
    <message>
        <source>{device} can&apos;t record.</source>
        <translation>{device} 无法录音。</translation>
    </message>
    <message>
        <source>The audio input could not be opened ({error}).</source>
        <translation>无法打开音频输入（{error}）。</translation>
    </message>
</context>
</TS>
