<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountStatusBar</name>
    <message>
        <source>Global</source>
        <translation>国际站</translation>
    </message>
    <message>
        <source>Mainland China</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>Characters billed since the studio started: speech, first auditions, Voice Lab previews, design tries and activations</source>
        <translation>自 Studio 启动以来计费的字符：语音合成、首次试听、音色实验室预览、音色设计尝试和激活</translation>
    </message>
    <message>
        <source>Region: {region}</source>
        <translation>区域：{region}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>DEMO · NOT KEPT</source>
        <translation>演示 · 不保留</translation>
    </message>
    <message>
        <source>Demo mode: a built-in emulator on this computer. Nothing is sent or billed.</source>
        <translation>演示模式：在本机运行的内置模拟器。不发送任何内容，也不计费。</translation>
    </message>
    <message>
        <source>Demo mode: a built-in emulator on this computer. Nothing is sent or billed.
Another MiniMax Studio holds the demo but does not answer, so this window&apos;s demo started empty: its voices and unfinished jobs are gone once it closes. Takes and files are still kept in the Library.</source>
        <translation>演示模式：在本机运行的内置模拟器。不发送任何内容，也不计费。
另一个 MiniMax Studio 占用了演示模式但没有响应，因此此窗口的演示从空白开始：关闭后，其中的音色和未完成的任务都会丢失。版本和文件仍会保存在媒体库中。</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Live: requests go to MiniMax and are billed to your account.</source>
        <translation>正式模式：请求发送到 MiniMax，并计入你账户的费用。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s) used this session</source>
        <translation>
            <numerusform>本次会话已使用 %Ln 个字符</numerusform>
        </translation>
    </message>
</context>
</TS>
