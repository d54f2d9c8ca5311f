<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SpeechPanel</name>
    <message>
        <source>&amp;Insert pause</source>
        <translation>插入停顿(&amp;I)</translation>
    </message>
    <message>
        <source>Insert a pause marker &lt;#seconds#&gt; at the cursor</source>
        <translation>在光标处插入停顿标记 &lt;#秒数#&gt;</translation>
    </message>
    <message>
        <source>Other length…</source>
        <translation>其他时长…</translation>
    </message>
    <message>
        <source>Inter&amp;jection</source>
        <translation>语气词(&amp;J)</translation>
    </message>
    <message>
        <source>Insert a sound such as (laughs) or (sighs) — speech-2.8 models</source>
        <translation>插入 (laughs)、(sighs) 等声音——适用于 speech-2.8 模型</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the latest full take as received, as MP3, WAV, FLAC or raw PCM (Ctrl+S); or mastered to a delivery preset (Ctrl+Shift+S)</source>
        <translation>按原样将最新的完整版本保存为 MP3、WAV、FLAC 或原始 PCM（Ctrl+S）；或按交付预设进行母带处理后保存（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>As received…</source>
        <translation>按原样导出…</translation>
    </message>
    <message>
        <source>Mastered (podcast, audiobook, broadcast, video)…</source>
        <translation>母带处理后导出（播客、有声书、广播、视频）…</translation>
    </message>
    <message>
        <source>Nothing was sent: fix the highlighted problem first.</source>
        <translation>未发送任何请求：请先修正高亮标出的问题。</translation>
    </message>
    <message>
        <source>Exporting the full take (not the slider preview) to {file}…</source>
        <translation>正在将完整版本（而非滑块预览）导出到 {file}…</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>正在导出到 {file}…</translation>
    </message>
    <message>
        <source>Exported the full take (not the slider preview) to {path}</source>
        <translation>已将完整版本（而非滑块预览）导出到 {path}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Mastering to {preset}: {file}…</source>
        <translation>正在按“{preset}”进行母带处理：{file}…</translation>
    </message>
    <message>
        <source>Exported {path} mastered to {preset}: passes every line of its spec</source>
        <translation>已导出 {path}（按“{preset}”母带处理）：符合规范的每一项</translation>
    </message>
    <message>
        <source>Exported {path} mastered to {preset}: FAILS a line: see the report</source>
        <translation>已导出 {path}（按“{preset}”母带处理）：有一项不符合规范，请查看报告</translation>
    </message>
    <message>
        <source>Couldn&apos;t export: {reason}</source>
        <translation>无法导出：{reason}</translation>
    </message>
    <message>
        <source>Nothing to export yet: generate a take first.</source>
        <translation>还没有可导出的内容：请先生成一个版本。</translation>
    </message>
    <message>
        <source>Voice: {voice}</source>
        <translation>音色：{voice}</translation>
    </message>
    <message>
        <source>Re-opened a take from the Library</source>
        <translation>已从媒体库重新打开一个版本</translation>
    </message>
    <message>
        <source>Not previewed: {problem}</source>
        <translation>未预览：{problem}</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Stopped · saved to the Library</source>
        <translation>已停止 · 已保存到媒体库</translation>
    </message>
    <message>
        <source>Saved to the Library · playing</source>
        <translation>已保存到媒体库 · 正在播放</translation>
    </message>
    <message>
        <source>{count} characters, made in parts</source>
        <translation>{count} 个字符，将分段生成</translation>
    </message>
    <message>
        <source>{count} / {limit} characters</source>
        <translation>{count} / {limit} 个字符</translation>
    </message>
    <message>
        <source>Write something to render.</source>
        <translation>请先输入要生成的文本。</translation>
    </message>
    <message>
        <source>Render the text, or the selection (Ctrl+Enter)</source>
        <translation>生成全部文本或选中的部分（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Insert pause</source>
        <translation>插入停顿</translation>
    </message>
    <message>
        <source>Pause length (seconds):</source>
        <translation>停顿时长（秒）：</translation>
    </message>
    <message numerus="yes">
        <source>Saved to the Library · %Ln character(s)</source>
        <translation>
            <numerusform>已保存到媒体库 · %Ln 个字符</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved to the Library · %Ln character(s) (not played: no audio output)</source>
        <translation>
            <numerusform>已保存到媒体库 · %Ln 个字符（未播放：没有音频输出设备）</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to the Library</source>
        <translation>已保存到媒体库</translation>
    </message>
    <message>
        <source>Saved to the Library (not played: no audio output)</source>
        <translation>已保存到媒体库（未播放：没有音频输出设备）</translation>
    </message>
    <message>
        <source>Export take</source>
        <translation>导出版本</translation>
    </message>
    <message>
        <source>There is no full take of this script yet, only slider previews of single sentences.</source>
        <translation>这个脚本还没有完整版本，只有单句的滑块预览。</translation>
    </message>
    <message>
        <source>&amp;Render the whole script</source>
        <translation>生成整个脚本(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export the preview</source>
        <translation>导出预览(&amp;E)</translation>
    </message>
</context>
</TS>
