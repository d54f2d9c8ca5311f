<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AudioPlayer</name>
    <message>
        <source>Audio playback is unavailable: {error} (install PortAudio, e.g. apt install libportaudio2). Takes are still saved to files.</source>
        <translation>无法播放音频：{error}（请安装 PortAudio，例如 apt install libportaudio2）。版本仍会保存为文件。</translation>
    </message>
    <message>
        <source>No audio output device ({error}). Takes are still saved to files.</source>
        <translation>没有音频输出设备（{error}）。版本仍会保存为文件。</translation>
    </message>
    <message>
        <source>Audio output: {device}</source>
        <translation>音频输出：{device}</translation>
    </message>
    <message>
        <source>No audio output device {device!r} ({error}). Takes are still saved to files.</source>
        <translation>没有音频输出设备 {device!r}（{error}）。版本仍会保存为文件。</translation>
    </message>
    <message>
        <source>Could not open the audio output {device!r}: {error}</source>
        <translation>无法打开音频输出 {device!r}：{error}</translation>
    </message>
    <message>
        <source>The audio output {device!r} stopped working (was it unplugged?)</source>
        <translation>音频输出 {device!r} 已停止工作（是否已拔出？）</translation>
    </message>
</context>
</TS>
