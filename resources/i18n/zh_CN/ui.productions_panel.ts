<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionsPanel</name>
    <message>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Write a script from notes, an article or a text file with a MiniMax text model, for the speakers you name; it streams into a preview you can edit before using it (Ctrl+Shift+D)</source>
        <translation>用 MiniMax 文本模型，根据笔记、文章或文本文件为你指定的说话人写出脚本；内容会流式显示在预览中，使用前可以编辑（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>已生成</translation>
    </message>
    <message>
        <source>to render</source>
        <translation>待生成</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>rendering</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>uncast</source>
        <translation>未分配音色</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>(production default)</source>
        <translation>（制作项目默认）</translation>
    </message>
    <message>
        <source>mix of {voices}</source>
        <translation>混合音色：{voices}</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message numerus="yes">
        <source>%Ln characters</source>
        <translation>
            <numerusform>%Ln 个字符</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln units</source>
        <translation>
            <numerusform>%Ln 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <comment>two sentences one after the other</comment>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>{text}, {more}</source>
        <comment>a clause added to a text</comment>
        <translation>{text}，{more}</translation>
    </message>
    <message>
        <source>&lt;b&gt;No production open&lt;/b&gt;</source>
        <translation>&lt;b&gt;未打开制作项目&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A production is a script with several speakers (an episode, a chapter), rendered line by line: unchanged sentences are never billed twice. Drop a script file here ({suffixes}) or:</source>
        <translation>制作项目是一份有多个说话人的脚本（一期节目、一个章节），逐行生成：没有改动的句子绝不会重复计费。把脚本文件（{suffixes}）拖到这里，或者：</translation>
    </message>
    <message>
        <source>Try the &amp;sample episode</source>
        <translation>试用示例节目(&amp;S)</translation>
    </message>
    <message>
        <source>A two-speaker episode cast with system voices; in demo mode it costs nothing</source>
        <translation>一期已用系统音色分配好的双人节目；演示模式下不产生费用</translation>
    </message>
    <message>
        <source>&amp;New from a script file…</source>
        <translation>从脚本文件新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Draft a script…</source>
        <translation>起草脚本(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Open a production…</source>
        <translation>打开制作项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Recent productions</source>
        <translation>最近的制作项目(&amp;R)</translation>
    </message>
    <message>
        <source>Recent productions</source>
        <translation>最近的制作项目</translation>
    </message>
    <message>
        <source>Enter or a double-click opens the production</source>
        <translation>按 Enter 或双击即可打开制作项目</translation>
    </message>
    <message>
        <source>Open another production</source>
        <translation>打开其他制作项目</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The episode from every line&apos;s current take, mastered to a delivery preset (podcast, ACX-spec audiobook, broadcast, video) or as rendered, whole or a file per chapter, with subtitles, tags, cover and a music bed (Ctrl+S). Nothing is sent or billed</source>
        <translation>用每行当前使用的版本导出整期节目：按交付预设（播客、符合 ACX 规范的有声书、广播、视频）做母带处理，或保持生成时的原样；可导出为一个文件或每章一个文件，附带字幕、标签、封面和背景音乐（Ctrl+S）。不会发送任何内容，也不计费</translation>
    </message>
    <message>
        <source>Draft a script…</source>
        <translation>起草脚本…</translation>
    </message>
    <message>
        <source>Prepare for speech…</source>
        <translation>朗读前优化…</translation>
    </message>
    <message>
        <source>Ask a text model how to make the lines read well aloud (numbers, dates, abbreviations, long sentences, emotions, names), shown as changes to accept or reject; tokens are estimated before you ask (Ctrl+Shift+P)</source>
        <translation>让文本模型给出让各行读起来更顺口的修改（数字、日期、缩写、长句、情绪、人名），以可接受或拒绝的更改显示；发送前会先估算 Token 用量（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Script lines</source>
        <translation>脚本行</translation>
    </message>
    <message>
        <source>F2 edits a line&apos;s words or speaker; Ctrl+K changes its speaker; Space plays from the line</source>
        <translation>F2 编辑行的文本或说话人；Ctrl+K 更换说话人；空格键从该行开始播放</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <source>Cast</source>
        <translation>角色分配</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>应用(&amp;Y)</translation>
    </message>
    <message>
        <source>Save this speaker&apos;s settings (Ctrl+Z undoes it); nothing is billed until a render</source>
        <translation>保存此说话人的设置（Ctrl+Z 可撤销）；生成之前不会计费</translation>
    </message>
    <message>
        <source>Au&amp;dition</source>
        <translation>试听(&amp;D)</translation>
    </message>
    <message>
        <source>Hear the selected line (or this speaker&apos;s first) with these settings; its cost is shown above</source>
        <translation>用这些设置试听所选的行（或此说话人的第一行）；费用显示在上方</translation>
    </message>
    <message>
        <source>&lt;b&gt;Takes&lt;/b&gt;</source>
        <translation>&lt;b&gt;版本&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Takes of the selected line</source>
        <translation>所选行的版本</translation>
    </message>
    <message>
        <source>New take</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Render a new take of the selected line; its earlier takes are kept (Ctrl+G)</source>
        <translation>为所选行生成一个新版本；之前的版本会保留（Ctrl+G）</translation>
    </message>
    <message>
        <source>&amp;Use this take</source>
        <translation>使用此版本(&amp;U)</translation>
    </message>
    <message>
        <source>The line plays and exports with the take picked in the list</source>
        <translation>该行在播放和导出时使用列表中选中的版本</translation>
    </message>
    <message>
        <source>Compare &amp;blind</source>
        <translation>盲听对比(&amp;B)</translation>
    </message>
    <message>
        <source>Hear the take in use and the selected one (or the newest other) as A and B, in an order you don&apos;t know, at the same loudness; keep the better one</source>
        <translation>把正在使用的版本和所选版本（或最新的另一个版本）作为 A 和 B 播放，顺序随机、响度一致；保留更好的那个</translation>
    </message>
    <message>
        <source>Play {take}</source>
        <comment>A or B in a blind comparison</comment>
        <translation>播放 {take}</translation>
    </message>
    <message>
        <source>Keep {take}</source>
        <comment>A or B in a blind comparison</comment>
        <translation>保留 {take}</translation>
    </message>
    <message>
        <source>Takes and cast</source>
        <translation>版本和角色分配</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Render every line without audio (Ctrl+R): the cost is shown beside it</source>
        <translation>生成所有还没有音频的行（Ctrl+R）：费用显示在旁边</translation>
    </message>
    <message>
        <source>O&amp;pen…</source>
        <translation>打开(&amp;P)…</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Canc&amp;el</source>
        <translation>取消(&amp;E)</translation>
    </message>
    <message>
        <source>Stop the render or the export; what was rendered is kept</source>
        <translation>停止生成或导出；已生成的内容会保留</translation>
    </message>
    <message>
        <source>Play from line</source>
        <translation>从此行播放</translation>
    </message>
    <message>
        <source>Play from the selected line on, rendering what has no audio as it plays (Space in the lines, F5 anywhere in the panel)</source>
        <translation>从所选行开始播放，边播放边生成还没有音频的部分（在行列表中按空格键，或在面板任意位置按 F5）</translation>
    </message>
    <message>
        <source>Render or export progress</source>
        <translation>生成或导出进度</translation>
    </message>
    <message>
        <source>Failed lines (Enter retries one)</source>
        <translation>失败的行（按 Enter 重试）</translation>
    </message>
    <message>
        <source>Open a production</source>
        <translation>打开制作项目</translation>
    </message>
    <message>
        <source>New production from a script</source>
        <translation>从脚本新建制作项目</translation>
    </message>
    <message>
        <source>Scripts ({patterns})</source>
        <translation>脚本 ({patterns})</translation>
    </message>
    <message>
        <source>Line {number} was not changed: {error}</source>
        <translation>第 {number} 行未修改：{error}</translation>
    </message>
    <message>
        <source>Change the speaker of line {number}</source>
        <translation>更改第 {number} 行的说话人</translation>
    </message>
    <message>
        <source>Edit line {number}</source>
        <translation>编辑第 {number} 行</translation>
    </message>
    <message>
        <source>script.md was not changed: {error}</source>
        <translation>script.md 未修改：{error}</translation>
    </message>
    <message>
        <source>Cast {speakers} to see what a render costs.</source>
        <translation>为 {speakers} 分配音色后，即可查看生成费用。</translation>
    </message>
    <message numerus="yes">
        <source>Every line has its audio: %Ln units cached, nothing to bill.</source>
        <translation>
            <numerusform>每行都已有音频：%Ln 个片段已生成，无需计费。</numerusform>
        </translation>
    </message>
    <message>
        <source>{units}: {cached} cached, {to_render} to render. &lt;b&gt;{characters} to bill&lt;/b&gt;, about {duration}.</source>
        <translation>{units}：{cached} 个已生成，{to_render} 个待生成。&lt;b&gt;将计费 {characters}&lt;/b&gt;，约需 {duration}。</translation>
    </message>
    <message>
        <source>Billed for this production: {characters} ({session} this session)</source>
        <translation>本制作项目已计费 {characters}（本次会话 {session}）</translation>
    </message>
    <message>
        <source>Replace “{query}” everywhere</source>
        <translation>全部替换“{query}”</translation>
    </message>
    <message>
        <source>Replace “{query}”</source>
        <translation>替换“{query}”</translation>
    </message>
    <message numerus="yes">
        <source>Replaced {count} in %Ln lines</source>
        <translation>
            <numerusform>已在 %Ln 行中替换 {count} 处</numerusform>
        </translation>
    </message>
    <message>
        <source>not cast</source>
        <translation>未分配音色</translation>
    </message>
    <message>
        <source>{speaker} has no voice: pick one below before rendering</source>
        <translation>{speaker} 还没有音色：生成前请在下方选择一个</translation>
    </message>
    <message>
        <source>Audition: {characters} to bill.</source>
        <translation>试听：将计费 {characters}。</translation>
    </message>
    <message>
        <source>Audition: nothing to bill.</source>
        <translation>试听：无需计费。</translation>
    </message>
    <message>
        <source>Pick a voice for {speaker}: the cost of the change shows here first.</source>
        <translation>为 {speaker} 选择音色：更改的费用会先显示在这里。</translation>
    </message>
    <message>
        <source>Can&apos;t cast {speaker} that way: {error}</source>
        <translation>无法这样为 {speaker} 分配音色：{error}</translation>
    </message>
    <message>
        <source>Audition: {characters} (not billed again when applied).</source>
        <translation>试听：{characters}（应用后不会再次计费）。</translation>
    </message>
    <message>
        <source>{speaker} with these settings: {units}, {characters} to bill at the next render.</source>
        <translation>{speaker} 使用这些设置：{units}，下次生成时将计费 {characters}。</translation>
    </message>
    <message>
        <source>Can&apos;t audition {speaker} that way: {error}</source>
        <translation>无法这样试听 {speaker}：{error}</translation>
    </message>
    <message>
        <source>Cast {speaker}</source>
        <translation>为 {speaker} 分配音色</translation>
    </message>
    <message>
        <source>Export stopped: a file it had finished stays, the one it was writing is removed</source>
        <translation>导出已停止：已完成的文件会保留，正在写入的文件已删除</translation>
    </message>
    <message>
        <source>Finishing the render started before the studio closed: {units}, {characters} (of the {approved} you approved)</source>
        <translation>正在完成上次关闭 Studio 前开始的生成：{units}，{characters}（在你批准的 {approved} 个字符之内）</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln units: {billed} of {estimated} billed</source>
        <translation>
            <numerusform>{done}/%Ln 个片段：已计费 {billed}/{estimated}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln 个失败</numerusform>
        </translation>
    </message>
    <message>
        <source>about {duration} left</source>
        <translation>约剩 {duration}</translation>
    </message>
    <message>
        <source>Rendered {units}, billed {characters}.</source>
        <translation>已生成 {units}，计费 {characters}。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed: retry them below (what was rendered is not billed again).</source>
        <translation>
            <numerusform>%Ln 个失败：可在下方重试（已生成的部分不会再次计费）。</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to bill</source>
        <translation>无需计费</translation>
    </message>
    <message>
        <source>Line {number} failed: {message}</source>
        <translation>第 {number} 行失败：{message}</translation>
    </message>
    <message>
        <source>Retry ({cost})</source>
        <translation>重试（{cost}）</translation>
    </message>
    <message>
        <source>Retry line {number}: {cost}</source>
        <translation>重试第 {number} 行：{cost}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Takes of line {number}&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 {number} 行的版本&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Take {number} (in use): {seconds} s, {characters} billed</source>
        <translation>版本 {number}（使用中）：{seconds} 秒，已计费 {characters}</translation>
    </message>
    <message>
        <source>Take {number}: {seconds} s, {characters} billed</source>
        <translation>版本 {number}：{seconds} 秒，已计费 {characters}</translation>
    </message>
    <message numerus="yes">
        <source>{rendered} of %Ln units rendered</source>
        <translation>
            <numerusform>已生成 {rendered}/%Ln 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>That take is not complete: render it first, or pick a complete one</source>
        <translation>该版本不完整：请先生成，或选择一个完整的版本</translation>
    </message>
    <message>
        <source>Line {number} needs two complete takes to compare: make one with New take</source>
        <translation>第 {number} 行需要两个完整的版本才能对比：请用“新版本”再生成一个</translation>
    </message>
    <message>
        <source>Line {number}: A and B are takes {first} and {second} in an order you don&apos;t know, at the same loudness.</source>
        <translation>第 {number} 行：A 和 B 是版本 {first} 和 {second}，顺序未知，响度一致。</translation>
    </message>
    <message>
        <source>You kept {kept}: take {take} ({other_letter} was take {other})</source>
        <translation>你保留了 {kept}：版本 {take}（{other_letter} 是版本 {other}）</translation>
    </message>
    <message>
        <source>Can&apos;t export: {error}</source>
        <translation>无法导出：{error}</translation>
    </message>
    <message>
        <source>Exporting {file}…</source>
        <translation>正在导出 {file}…</translation>
    </message>
    <message>
        <source>{step}…</source>
        <comment>a step of the export, as the engine names it</comment>
        <translation>{step}…</translation>
    </message>
    <message>
        <source>passes every line of its spec</source>
        <translation>符合规范的每一项</translation>
    </message>
    <message>
        <source>FAILS a line of its spec: see the report</source>
        <translation>有一项不符合规范：请查看报告</translation>
    </message>
    <message>
        <source>all pass every line of their spec</source>
        <translation>全部文件符合规范的每一项</translation>
    </message>
    <message>
        <source>some FAIL a line: see the report</source>
        <translation>部分文件有不符合规范的项：请查看报告</translation>
    </message>
    <message>
        <source>as rendered</source>
        <translation>保持生成时的原样</translation>
    </message>
    <message numerus="yes">
        <source>%Ln chapter files with their subtitles in {folder}</source>
        <translation>
            <numerusform>%Ln 个章节文件及其字幕，位于 {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported {files} ({duration}): {verdict}; nothing was billed.</source>
        <translation>已导出 {files}（{duration}）：{verdict}；未计费。</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>{name}: a new production from the draft; cast {speakers}, then render</source>
        <translation>{name}：已用草稿新建制作项目；为 {speakers} 分配音色后即可生成</translation>
    </message>
    <message>
        <source>No production is open: use the draft as a new production</source>
        <translation>没有打开的制作项目：请将草稿用作新制作项目</translation>
    </message>
    <message>
        <source>script.md was not replaced: {error}</source>
        <translation>script.md 未替换：{error}</translation>
    </message>
    <message>
        <source>Replace the script with a draft</source>
        <translation>用草稿替换脚本</translation>
    </message>
    <message>
        <source>script.md now holds the draft; the previous one is kept as {file} (Ctrl+Z puts it back)</source>
        <translation>script.md 已替换为草稿；原脚本保留为 {file}（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>The production was closed: open it and accept again</source>
        <translation>制作项目已关闭：请重新打开后再接受</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was changed: lines {numbers} changed since the suggestions were made; prepare again for new ones</source>
        <translation>
            <numerusform>未做任何更改：第 {numbers} 行在给出建议后已被修改；请重新进行朗读前优化以获取新建议</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed: {error}</source>
        <translation>未做任何更改：{error}</translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln suggestions</source>
        <translation>
            <numerusform>接受 %Ln 条建议</numerusform>
        </translation>
    </message>
    <message>
        <source>The cast was not changed back: {error}</source>
        <translation>角色分配未能恢复：{error}</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
</TS>
