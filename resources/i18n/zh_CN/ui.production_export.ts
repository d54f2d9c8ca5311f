<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BedLanes</name>
    <message>
        <source>Voice and music lanes</source>
        <translation>人声与音乐轨道</translation>
    </message>
    <message>
        <source>Measuring the takes…</source>
        <translation>正在测量各版本…</translation>
    </message>
    <message>
        <source>The voice: no music bed</source>
        <translation>仅人声：没有背景音乐</translation>
    </message>
    <message>
        <source>{intro} s of music, then the voice ({voice} s) with the music ducked {duck} dB under it, then {outro} s of music</source>
        <translation>先是 {intro} 秒音乐，然后是人声（{voice} 秒），其间音乐压低 {duck} dB，最后是 {outro} 秒音乐</translation>
    </message>
    <message>
        <source>{intro} s of music, then the voice ({voice} s) with the music fading out, then {outro} s of music</source>
        <translation>先是 {intro} 秒音乐，然后是人声（{voice} 秒），其间音乐淡出，最后是 {outro} 秒音乐</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>人声</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
</context>
<context>
    <name>CheckReportDialog</name>
    <message>
        <source>Check: {preset}</source>
        <translation>检查：{preset}</translation>
    </message>
    <message numerus="yes">
        <source>{failed} of %Ln file(s) fail a line of {preset}: what to do is beside each.</source>
        <translation>
            <numerusform>%Ln 个文件中有 {failed} 个未通过“{preset}”的检查项：每项旁边写有处理方法。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every file passes every line of {preset}.</source>
        <translation>每个文件都通过了“{preset}”的全部检查项。</translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>注意：{warning}</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <source>Check report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <source>passes</source>
        <comment>a file passes its check</comment>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAILS</source>
        <comment>a file fails its check</comment>
        <translation>未通过</translation>
    </message>
    <message>
        <source>pass</source>
        <comment>a line of the check passes</comment>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAIL</source>
        <comment>a line of the check fails</comment>
        <translation>未通过</translation>
    </message>
</context>
<context>
    <name>CoverSlot</name>
    <message>
        <source>No cover</source>
        <translation>无封面</translation>
    </message>
    <message>
        <source>Drop a JPEG or PNG here, or choose one</source>
        <translation>将 JPEG 或 PNG 图片拖放到这里，或选择一张</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Podcast (stereo)</source>
        <translation>播客（立体声）</translation>
    </message>
    <message>
        <source>Podcast (mono)</source>
        <translation>播客（单声道）</translation>
    </message>
    <message>
        <source>Audiobook: ACX-spec mastering</source>
        <translation>有声书：ACX 规范母带处理</translation>
    </message>
    <message>
        <source>Broadcast (EBU R128)</source>
        <translation>广播（EBU R128）</translation>
    </message>
    <message>
        <source>Video voice-over</source>
        <translation>视频配音</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>−16 LUFS, true peak ≤ −1 dBTP, 44.1 kHz stereo, MP3 192 kbps CBR</source>
        <translation>−16 LUFS，真峰值 ≤ −1 dBTP，44.1 kHz 立体声，MP3 192 kbps 恒定码率</translation>
    </message>
    <message>
        <source>−19 LUFS, true peak ≤ −1 dBTP, 44.1 kHz mono, MP3 128 kbps CBR</source>
        <translation>−19 LUFS，真峰值 ≤ −1 dBTP，44.1 kHz 单声道，MP3 128 kbps 恒定码率</translation>
    </message>
    <message>
        <source>−20 dB RMS (−23…−18), peaks ≤ −3 dB, noise floor ≤ −60 dB, 44.1 kHz mono MP3 192 kbps CBR, a file per chapter with room tone at head and tail</source>
        <translation>−20 dB RMS（−23…−18），峰值 ≤ −3 dB，底噪 ≤ −60 dB，44.1 kHz 单声道 MP3 192 kbps 恒定码率，每个章节一个文件，首尾带环境音</translation>
    </message>
    <message>
        <source>−23 LUFS ±0.5 LU, true peak ≤ −1 dBTP, 48 kHz stereo WAV</source>
        <translation>−23 LUFS ±0.5 LU，真峰值 ≤ −1 dBTP，48 kHz 立体声 WAV</translation>
    </message>
    <message>
        <source>−14 LUFS, true peak ≤ −1 dBTP, 48 kHz stereo</source>
        <translation>−14 LUFS，真峰值 ≤ −1 dBTP，48 kHz 立体声</translation>
    </message>
    <message>
        <source>MP3 (constant bit rate)</source>
        <translation>MP3（恒定码率）</translation>
    </message>
    <message>
        <source>M4B audiobook (AAC, chapters)</source>
        <translation>M4B 有声书（AAC，带章节）</translation>
    </message>
    <message>
        <source>M4A (AAC)</source>
        <translation>M4A（AAC）</translation>
    </message>
    <message>
        <source>WAV (16-bit)</source>
        <translation>WAV（16 位）</translation>
    </message>
    <message>
        <source>FLAC (lossless)</source>
        <translation>FLAC（无损）</translation>
    </message>
    <message>
        <source>Export {name}</source>
        <translation>导出 {name}</translation>
    </message>
    <message>
        <source>Export mastered</source>
        <translation>母带处理后导出</translation>
    </message>
    <message>
        <source>As rendered (no mastering)</source>
        <translation>按生成原样（不做母带处理）</translation>
    </message>
    <message>
        <source>Custom loudness</source>
        <translation>自定义响度</translation>
    </message>
    <message>
        <source>Tar&amp;get</source>
        <translation>目标(&amp;G)</translation>
    </message>
    <message>
        <source>True-peak ce&amp;iling</source>
        <translation>真峰值上限(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;One file, with a chapter mark per chapter</source>
        <translation>单个文件，每章一个章节标记(&amp;O)</translation>
    </message>
    <message>
        <source>One file per c&amp;hapter ({count})</source>
        <comment>the number of chapters</comment>
        <translation>每章一个文件（{count} 个）(&amp;H)</translation>
    </message>
    <message>
        <source>Spea&amp;ker names in the cues</source>
        <translation>字幕中显示说话人(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Preset</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Artist</source>
        <translation>艺术家(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;lbum</source>
        <translation>专辑(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Comme&amp;nt</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Co&amp;ver…</source>
        <translation>封面(&amp;V)…</translation>
    </message>
    <message>
        <source>Choose the cover art</source>
        <translation>选择封面图片</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the cover art</source>
        <translation>移除封面图片</translation>
    </message>
    <message>
        <source>Music &amp;bed</source>
        <translation>背景音乐(&amp;B)</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Under the speech, &amp;ducked</source>
        <translation>垫在人声下方，闪避（自动压低）(&amp;D)</translation>
    </message>
    <message>
        <source>The music&apos;s loudness, alone, against the voice&apos;s</source>
        <translation>音乐单独播放时的响度，相对于人声</translation>
    </message>
    <message>
        <source>Intro</source>
        <translation>前奏</translation>
    </message>
    <message>
        <source>Outro</source>
        <translation>尾奏</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Duck</source>
        <translation>闪避</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>How far the music dips while the voice speaks</source>
        <translation>人声说话时音乐压低多少</translation>
    </message>
    <message>
        <source>How fast the music dips when the voice starts</source>
        <translation>人声开始时音乐压低的速度</translation>
    </message>
    <message>
        <source>How fast the music comes back when the voice pauses</source>
        <translation>人声停顿时音乐恢复的速度</translation>
    </message>
    <message>
        <source>M&amp;usic</source>
        <translation>音乐(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>选择保存位置</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation>保存到(&amp;S)</translation>
    </message>
    <message>
        <source>The takes as MiniMax sent them, placed with their gaps: no loudness change</source>
        <translation>按 MiniMax 返回的原样排列各版本并保留间隔：不调整响度</translation>
    </message>
    <message>
        <source>Your loudness target and true-peak ceiling, 44.1 kHz stereo</source>
        <translation>使用你设定的响度目标和真峰值上限，44.1 kHz 立体声</translation>
    </message>
    <message>
        <source>{summary}. ACX takes MP3 only: {format} fails the check&apos;s Format line</source>
        <translation>{summary}。ACX 只接受 MP3：{format} 无法通过检查中的“格式”一项</translation>
    </message>
    <message>
        <source>A folder for the chapter files</source>
        <translation>存放各章节文件的文件夹</translation>
    </message>
    <message>
        <source>Export the episode</source>
        <translation>导出节目</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图像 ({patterns})</translation>
    </message>
    <message>
        <source>Cover art</source>
        <translation>封面图片</translation>
    </message>
    <message>
        <source>Music for the bed</source>
        <translation>背景音乐</translation>
    </message>
    <message>
        <source>Audio ({patterns})</source>
        <translation>音频 ({patterns})</translation>
    </message>
    <message>
        <source>Choose where to save it.</source>
        <translation>请选择保存位置。</translation>
    </message>
</context>
</TS>
