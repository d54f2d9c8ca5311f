<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CrashDialog</name>
    <message>
        <source>{app} hit a problem</source>
        <translation>{app} 遇到了问题</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong inside {app}.&lt;/b&gt; It is a bug in the studio, not something you did. The studio is still running; if something looks wrong, restart it.</source>
        <translation>&lt;b&gt;{app} 内部出错了。&lt;/b&gt;这是 Studio 的缺陷，不是你的操作造成的。Studio 仍在运行；如果有异常，请重新启动。</translation>
    </message>
    <message>
        <source>What happened: {summary}</source>
        <translation>发生了什么：{summary}</translation>
    </message>
    <message>
        <source>The details are in the log:&lt;br&gt;{path}</source>
        <translation>详细信息在日志中：&lt;br&gt;{path}</translation>
    </message>
    <message>
        <source>There is no log file.</source>
        <translation>没有日志文件。</translation>
    </message>
    <message>
        <source>A report without your API key or your home folder&apos;s path:&lt;br&gt;{path}</source>
        <translation>不含 API 密钥和主文件夹路径的报告：&lt;br&gt;{path}</translation>
    </message>
    <message>
        <source>&amp;Open log folder</source>
        <translation>打开日志文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>%n more problem(s) since this one; each is in the log.</source>
        <translation>
            <numerusform>此后又出现 %n 个问题，每个都记录在日志中。</numerusform>
        </translation>
    </message>
    <message>
        <source>The report is on the clipboard: paste it into an issue or an e-mail.</source>
        <translation>报告已复制到剪贴板：可粘贴到问题反馈或电子邮件中。</translation>
    </message>
</context>
</TS>
