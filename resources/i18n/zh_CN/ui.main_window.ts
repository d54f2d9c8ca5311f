<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Play / stop</source>
        <translation>播放 / 停止</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Export mastered…</source>
        <translation>导出母带处理后的音频…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>{panel} ({shortcut})</source>
        <translation>{panel}（{shortcut}）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Show &amp;Log</source>
        <translation>显示日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>关于 {app}(&amp;A)</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Voices, speech, images, video and music with MiniMax&apos;s APIs.</source>
        <translation>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;使用 MiniMax 的 API 制作音色、语音、图像、视频和音乐。</translation>
    </message>
    <message>
        <source>{app} — Demo</source>
        <translation>{app} — 演示模式</translation>
    </message>
    <message>
        <source>Quit {app}</source>
        <translation>退出 {app}</translation>
    </message>
    <message>
        <source>&amp;Keep open</source>
        <translation>保持打开(&amp;K)</translation>
    </message>
</context>
</TS>
