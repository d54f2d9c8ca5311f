<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Global (api.minimax.io)</source>
        <translation>国际站（api.minimax.io）</translation>
    </message>
    <message>
        <source>Mainland China (api.minimaxi.com)</source>
        <translation>中国大陆（api.minimaxi.com）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>A new language shows the next time the studio starts.</source>
        <translation>新的语言将在下次启动 Studio 时生效。</translation>
    </message>
    <message>
        <source>What every voice says when you audition it</source>
        <translation>试听每个音色时朗读的文字</translation>
    </message>
    <message>
        <source>Au&amp;dition line</source>
        <translation>试听文本(&amp;D)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Output device</source>
        <translation>输出设备(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>区域(&amp;R)</translation>
    </message>
    <message>
        <source>Keys work only on their own region&apos;s host; a live connection reconnects on change.</source>
        <translation>API 密钥只能在其所属区域的服务器上使用；更改后，已连接的账户会重新连接。</translation>
    </message>
</context>
</TS>
