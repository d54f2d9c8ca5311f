<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MasteringCheck</name>
    <message>
        <source>silent</source>
        <translation>无声</translation>
    </message>
    <message>
        <source>limit the peaks: master it with this preset</source>
        <translation>限制峰值：用此预设进行母带处理</translation>
    </message>
    <message>
        <source>can&apos;t read {file} as audio: {reason}</source>
        <translation>无法将 {file} 读取为音频：{reason}</translation>
    </message>
    <message>
        <source>{file} holds no audio</source>
        <translation>{file} 不含音频</translation>
    </message>
    <message>
        <source>{file} has {channels} channels: the specs are for mono or stereo</source>
        <translation>{file} 有 {channels} 个声道：规范只适用于单声道或立体声</translation>
    </message>
    <message>
        <source>raise it by {db:.1f} dB: master it with this preset</source>
        <translation>提高 {db:.1f} dB：用此预设进行母带处理</translation>
    </message>
    <message>
        <source>lower it by {db:.1f} dB: master it with this preset</source>
        <translation>降低 {db:.1f} dB：用此预设进行母带处理</translation>
    </message>
    <message>
        <source>Integrated loudness</source>
        <translation>综合响度</translation>
    </message>
    <message>
        <source>True peak</source>
        <translation>真峰值</translation>
    </message>
    <message>
        <source>raise the level by {db:.1f} dB: master it with this preset</source>
        <translation>将电平提高 {db:.1f} dB：用此预设进行母带处理</translation>
    </message>
    <message>
        <source>lower the level by {db:.1f} dB: master it with this preset</source>
        <translation>将电平降低 {db:.1f} dB：用此预设进行母带处理</translation>
    </message>
    <message>
        <source>RMS level</source>
        <translation>RMS 电平</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>Noise floor (quietest 0.5 s)</source>
        <translation>底噪（最安静的 0.5 秒）</translation>
    </message>
    <message>
        <source>the background is too loud: remove the noise (a noise gate or de-noise) or record in a quieter room</source>
        <translation>背景声太大：去除噪声（噪声门或降噪），或在更安静的房间录音</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>采样率</translation>
    </message>
    <message>
        <source>resample to {khz:g} kHz</source>
        <translation>重采样为 {khz:g} kHz</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>单声道</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>立体声</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>声道</translation>
    </message>
    <message>
        <source>mono (or stereo, the same in every file)</source>
        <translation>单声道（或立体声，所有文件须一致）</translation>
    </message>
    <message>
        <source>export it as mono</source>
        <translation>导出为单声道</translation>
    </message>
    <message>
        <source>export it as stereo</source>
        <translation>导出为立体声</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>export it as MP3</source>
        <translation>导出为 MP3</translation>
    </message>
    <message>
        <source>Bit rate mode</source>
        <translation>码率模式</translation>
    </message>
    <message>
        <source>constant (CBR)</source>
        <translation>恒定（CBR）</translation>
    </message>
    <message>
        <source>variable (VBR)</source>
        <translation>可变（VBR）</translation>
    </message>
    <message>
        <source>encode at a constant bit rate</source>
        <translation>以恒定码率编码</translation>
    </message>
    <message>
        <source>Bit rate</source>
        <translation>码率</translation>
    </message>
    <message>
        <source>encode at {kbps} kbps</source>
        <translation>以 {kbps} kbps 编码</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>split it: one chapter per file</source>
        <translation>拆分：每个章节一个文件</translation>
    </message>
    <message>
        <source>Room tone at the head</source>
        <translation>开头的环境音</translation>
    </message>
    <message>
        <source>add silence at the start to {low:g}–{high:g} s</source>
        <translation>在开头补充静音至 {low:g}–{high:g} 秒</translation>
    </message>
    <message>
        <source>trim silence at the start to {low:g}–{high:g} s</source>
        <translation>将开头的静音裁剪至 {low:g}–{high:g} 秒</translation>
    </message>
    <message>
        <source>Room tone at the tail</source>
        <translation>结尾的环境音</translation>
    </message>
    <message>
        <source>add silence at the end to {low:g}–{high:g} s</source>
        <translation>在结尾补充静音至 {low:g}–{high:g} 秒</translation>
    </message>
    <message>
        <source>trim silence at the end to {low:g}–{high:g} s</source>
        <translation>将结尾的静音裁剪至 {low:g}–{high:g} 秒</translation>
    </message>
</context>
</TS>
