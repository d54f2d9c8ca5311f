<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LevelMeter</name>
    <message>
        <source>Input level. Keep speech mostly in the green; red means too loud.</source>
        <translation>输入电平。说话时尽量保持在绿色区域；红色表示太响。</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>输入电平</translation>
    </message>
    <message>
        <source>CLIP</source>
        <comment>the meter&apos;s mark: the input clipped</comment>
        <translation>削波</translation>
    </message>
    <message>
        <source>No input</source>
        <translation>无输入</translation>
    </message>
    <message>
        <source>Level {level} dBFS, peak {peak} dBFS</source>
        <translation>电平 {level} dBFS，峰值 {peak} dBFS</translation>
    </message>
    <message>
        <source>{level}; clipping</source>
        <translation>{level}；出现削波</translation>
    </message>
</context>
<context>
    <name>SampleReportView</name>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>Clipping</source>
        <translation>削波</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>响度</translation>
    </message>
    <message>
        <source>Noise floor</source>
        <translation>底噪</translation>
    </message>
    <message>
        <source>SNR (est.)</source>
        <translation>信噪比（估计）</translation>
    </message>
    <message>
        <source>Sample check</source>
        <translation>样本检查</translation>
    </message>
    <message>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <source>Play the sample</source>
        <translation>播放样本</translation>
    </message>
    <message>
        <source>No sample yet. Drop a file, choose one, or record one.</source>
        <translation>还没有样本。拖入文件、选择文件或现场录音。</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>not audio</source>
        <translation>不是音频</translation>
    </message>
</context>
<context>
    <name>VoiceLabWords</name>
    <message numerus="yes">
        <source>{action} · %Ln character(s)</source>
        <translation>
            <numerusform>{action} · %Ln 个字符</numerusform>
        </translation>
    </message>
</context>
</TS>
