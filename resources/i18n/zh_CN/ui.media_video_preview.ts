<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>VideoPreview</name>
    <message>
        <source>Your video plays here when it is ready</source>
        <translation>视频就绪后在这里播放</translation>
    </message>
    <message>
        <source>▶  Pl&amp;ay</source>
        <translation>▶  播放(&amp;A)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Open in system p&amp;layer</source>
        <translation>用系统播放器打开(&amp;L)</translation>
    </message>
    <message>
        <source>Video position</source>
        <translation>视频播放位置</translation>
    </message>
    <message>
        <source>Can&apos;t play this video: {reason}</source>
        <translation>无法播放此视频：{reason}</translation>
    </message>
    <message>
        <source>Playback inside the app isn&apos;t available on this system: open the video in your system player.</source>
        <translation>此系统无法在应用内播放：请用系统播放器打开视频。</translation>
    </message>
    <message>
        <source>❚❚  P&amp;ause</source>
        <translation>❚❚  暂停(&amp;A)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
</TS>
