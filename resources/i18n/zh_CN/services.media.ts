<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Media</name>
    <message>
        <source>MiniMax sent {what} that is not a JPEG, PNG or WebP picture ({bytes:,} bytes).</source>
        <translation>MiniMax 发来的{what}不是 JPEG、PNG 或 WebP 图片（{bytes:,} 字节）。</translation>
    </message>
    <message>
        <source>file not found: {path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <source>must be smaller than {limit} MB ({file} is {size:.1f} MB)</source>
        <translation>必须小于 {limit} MB（{file} 为 {size:.1f} MB）</translation>
    </message>
    <message>
        <source>not a picture</source>
        <translation>不是图片</translation>
    </message>
    <message>
        <source>must be a {allowed} picture ({file}: {found})</source>
        <translation>必须是 {allowed} 图片（{file}：{found}）</translation>
    </message>
    <message>
        <source>needs a short side over {min} px ({file} is {width}×{height})</source>
        <translation>短边须大于 {min} px（{file} 为 {width}×{height}）</translation>
    </message>
    <message>
        <source>must have an aspect ratio between 2:5 and 5:2 ({file} is {width}×{height})</source>
        <translation>宽高比须在 2:5 到 5:2 之间（{file} 为 {width}×{height}）</translation>
    </message>
    <message>
        <source>image {number}</source>
        <translation>图像 {number}</translation>
    </message>
    <message>
        <source>MiniMax returned no audio for this song</source>
        <translation>MiniMax 没有返回这首歌曲的音频</translation>
    </message>
    <message>
        <source>the song</source>
        <translation>歌曲</translation>
    </message>
    <message>
        <source>must be song, voice or instrumental (got {purpose!r})</source>
        <translation>必须是 song、voice 或 instrumental（收到 {purpose!r}）</translation>
    </message>
    <message>
        <source>not found: {path}</source>
        <translation>找不到：{path}</translation>
    </message>
</context>
</TS>
