<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LibraryPanel</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>No speech yet</source>
        <translation>还没有语音</translation>
    </message>
    <message>
        <source>No images yet</source>
        <translation>还没有图像</translation>
    </message>
    <message>
        <source>No videos yet</source>
        <translation>还没有视频</translation>
    </message>
    <message>
        <source>No music yet</source>
        <translation>还没有音乐</translation>
    </message>
    <message>
        <source>What you render in Speech appears here, as it streams.</source>
        <translation>在语音合成中生成的内容会在流式传输时出现在这里。</translation>
    </message>
    <message>
        <source>What you make in Image appears here.</source>
        <translation>在图像面板中生成的内容会出现在这里。</translation>
    </message>
    <message>
        <source>What you make in Video appears here.</source>
        <translation>在视频面板中生成的内容会出现在这里。</translation>
    </message>
    <message>
        <source>What you make in Music appears here.</source>
        <translation>在音乐面板中生成的内容会出现在这里。</translation>
    </message>
    <message>
        <source>&amp;Open Speech</source>
        <translation>打开语音合成(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open Image</source>
        <translation>打开图像(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open Video</source>
        <translation>打开视频(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open Music</source>
        <translation>打开音乐(&amp;O)</translation>
    </message>
    <message>
        <source>Today {time}</source>
        <comment>when a take was made</comment>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>MMM d, HH:mm</source>
        <comment>Qt date format: a take made this year (Mar 5, 09:30)</comment>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>MMM d yyyy</source>
        <comment>Qt date format: a take made in another year (Mar 5 2024)</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>no voice</source>
        <translation>无音色</translation>
    </message>
    <message>
        <source>slider preview</source>
        <translation>滑块预览</translation>
    </message>
    <message numerus="yes">
        <source>%Ln char(s)</source>
        <comment>billed characters</comment>
        <translation>
            <numerusform>%Ln 字符</numerusform>
        </translation>
    </message>
    <message>
        <source>▶ Playing</source>
        <translation>▶ 播放中</translation>
    </message>
    <message>
        <source>Partial</source>
        <comment>a take cut short</comment>
        <translation>不完整</translation>
    </message>
    <message>
        <source>Search by text or prompt, voice, model or trace id…</source>
        <translation>按文本或提示词、音色、模型或 Trace ID 搜索…</translation>
    </message>
    <message>
        <source>Search the Library</source>
        <translation>搜索媒体库</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Kind of take</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <source>Show only speech, images, videos or music</source>
        <translation>只显示语音、图像、视频或音乐</translation>
    </message>
    <message>
        <source>Slider &amp;previews</source>
        <translation>滑块预览(&amp;P)</translation>
    </message>
    <message>
        <source>List the sentences Speech re-rendered while you moved its sliders (they are always kept; untick to hide them)</source>
        <translation>列出拖动语音合成滑块时重新生成的句子（它们始终会保留；取消勾选即可隐藏）</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play the selected take (Space)</source>
        <translation>播放所选版本（空格键）</translation>
    </message>
    <message>
        <source>&amp;Re-open in Speech</source>
        <translation>在语音合成中重新打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open the Speech panel with this take&apos;s text, voice and settings</source>
        <translation>用此版本的文本、音色和设置打开语音合成面板</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the take as a file (Ctrl+S)</source>
        <translation>将此版本保存为文件（Ctrl+S）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the take and its file (Delete)</source>
        <translation>删除此版本及其文件（Delete 键）</translation>
    </message>
    <message>
        <source>Take position</source>
        <translation>版本播放位置</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>正在导出到 {file}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Couldn&apos;t export: {error}</source>
        <translation>无法导出：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln take(s)</source>
        <translation>
            <numerusform>%Ln 个版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln slider preview(s) not listed</source>
        <translation>
            <numerusform>%Ln 个滑块预览未列出</numerusform>
        </translation>
    </message>
    <message>
        <source>Only slider previews match</source>
        <translation>只有滑块预览匹配</translation>
    </message>
    <message>
        <source>Only slider previews so far</source>
        <translation>目前只有滑块预览</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sentence(s) re-rendered by the Speech sliders.</source>
        <translation>
            <numerusform>语音合成滑块重新生成了 %Ln 个句子。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show slider previews</source>
        <translation>显示滑块预览(&amp;S)</translation>
    </message>
    <message>
        <source>No takes match “{query}”</source>
        <translation>没有与“{query}”匹配的版本</translation>
    </message>
    <message>
        <source>Search looks at the text, voice, model and trace id.</source>
        <translation>搜索范围包括文本、音色、模型和 Trace ID。</translation>
    </message>
    <message>
        <source>Clear the &amp;search</source>
        <translation>清除搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Every take you render appears here</source>
        <translation>你生成的每个版本都会出现在这里</translation>
    </message>
    <message>
        <source>Speech, Image, Video and Music keep everything they make here, with its settings, trace id and cost.</source>
        <translation>语音合成、图像、视频和音乐生成的所有内容都会连同设置、Trace ID 和费用保存在这里。</translation>
    </message>
    <message>
        <source>■  Stop</source>
        <translation>■  停止</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>The audio file of this take is missing: {path}</source>
        <translation>此版本的音频文件不存在：{path}</translation>
    </message>
    <message>
        <source>Delete the take “{text}” and its audio file?</source>
        <translation>删除版本“{text}”及其音频文件？</translation>
    </message>
    <message>
        <source>Take deleted</source>
        <translation>版本已删除</translation>
    </message>
    <message>
        <source>Export take</source>
        <translation>导出版本</translation>
    </message>
    <message>
        <source>Delete take</source>
        <translation>删除版本</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
</TS>
