<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MusicBed</name>
    <message>
        <source>intro</source>
        <translation>前奏</translation>
    </message>
    <message>
        <source>outro</source>
        <translation>尾奏</translation>
    </message>
    <message>
        <source>duck depth</source>
        <translation>闪避深度</translation>
    </message>
    <message>
        <source>attack</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>release</source>
        <translation>释放时间</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>保持时间</translation>
    </message>
    <message>
        <source>fade in</source>
        <translation>淡入</translation>
    </message>
    <message>
        <source>fade out</source>
        <translation>淡出</translation>
    </message>
    <message>
        <source>music level</source>
        <translation>音乐音量</translation>
    </message>
    <message>
        <source>the {name} must be {low:g}…{high:g} (it is {value:g})</source>
        <translation>{name}必须在 {low:g}…{high:g} 之间（当前为 {value:g}）</translation>
    </message>
    <message>
        <source>the music file {path} is not there</source>
        <translation>音乐文件 {path} 不存在</translation>
    </message>
    <message>
        <source>the music file holds no audio</source>
        <translation>音乐文件中没有音频</translation>
    </message>
</context>
</TS>
