<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CharCounter</name>
    <message>
        <source>{count} of {limit} characters</source>
        <translation>{count} / {limit} 个字符</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Nothing was sent: {reason}</source>
        <translation>未发送任何请求：{reason}</translation>
    </message>
    <message>
        <source>Couldn&apos;t save: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>PictureSlot</name>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Drop a picture or click to choose</source>
        <translation>拖入图像，或点击选择</translation>
    </message>
    <message>
        <source>Remove this picture</source>
        <translation>移除这张图像</translation>
    </message>
    <message>
        <source>{file} · Delete removes it</source>
        <translation>{file} · 按 Delete 移除</translation>
    </message>
    <message>
        <source>Empty · press Space to choose a picture, or drop one here</source>
        <translation>空 · 按空格键选择图像，或把图像拖到这里</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>选择图像</translation>
    </message>
</context>
<context>
    <name>SongWaveform</name>
    <message>
        <source>The waveform appears when a song is ready</source>
        <translation>歌曲就绪后在这里显示波形</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>波形</translation>
    </message>
    <message>
        <source>The song&apos;s waveform</source>
        <translation>歌曲的波形</translation>
    </message>
</context>
</TS>
