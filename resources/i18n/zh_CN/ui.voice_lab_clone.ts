<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CloneTab</name>
    <message>
        <source>Drop a recording here: mp3, m4a or wav, {length} ({best} works best), up to 20 MB</source>
        <translation>把录音拖到这里：mp3、m4a 或 wav，时长 {length}（{best} 效果最好），最大&#xa0;20&#xa0;MB</translation>
    </message>
    <message>
        <source>Ch&amp;oose file…</source>
        <translation>选择文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Nothing is uploaded until you press Clone.</source>
        <translation>按下“复刻音色”之前不会上传任何内容。</translation>
    </message>
    <message>
        <source>●  &amp;Record</source>
        <translation>●  录音(&amp;R)</translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation>已录时长</translation>
    </message>
    <message>
        <source>Clipping: move back from the microphone or lower the input gain.</source>
        <translation>削波：离麦克风远一些，或调低输入增益。</translation>
    </message>
    <message>
        <source>Read naturally for {best} (the limit is {length}) in a quiet room, mouth a hand&apos;s width from the microphone. Keep the bar in the green.</source>
        <translation>在安静的房间里自然朗读 {best}（限制为 {length}），嘴与麦克风相距约一掌宽。让电平条保持在绿色区域。</translation>
    </message>
    <message>
        <source>&amp;Input</source>
        <translation>输入(&amp;I)</translation>
    </message>
    <message>
        <source>Or record one</source>
        <translation>或者现场录一段</translation>
    </message>
    <message>
        <source>Sample check</source>
        <translation>样本检查</translation>
    </message>
    <message>
        <source>1 · Your sample</source>
        <translation>1 · 你的样本</translation>
    </message>
    <message>
        <source>e.g. NightOwlHost01</source>
        <translation>例如 NightOwlHost01</translation>
    </message>
    <message>
        <source>Su&amp;ggest</source>
        <translation>推荐(&amp;G)</translation>
    </message>
    <message>
        <source>A free id that follows the rules, from the name (or the file name)</source>
        <translation>根据名称（或文件名）生成一个符合规则且未被占用的 ID</translation>
    </message>
    <message>
        <source>Your name for it (kept on this computer)</source>
        <translation>你给它起的名字（只保存在本机）</translation>
    </message>
    <message>
        <source>Add prompt audio…</source>
        <translation>添加示例音频…</translation>
    </message>
    <message>
        <source>A &lt; 8 s excerpt with its exact transcript guides the clone</source>
        <translation>一段短于 8 秒的片段及其准确文本，可引导复刻效果</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the prompt audio</source>
        <translation>移除示例音频</translation>
    </message>
    <message>
        <source>Exact transcript of the prompt audio, ending with punctuation</source>
        <translation>示例音频的准确文本，以标点结尾</translation>
    </message>
    <message>
        <source>What the sample says (optional: checked before cloning)</source>
        <translation>样本所说的内容（可选：复刻前校验）</translation>
    </message>
    <message>
        <source>How closely the speech must match the validation text (0–1)</source>
        <translation>语音与校验文本需要吻合的程度（0–1）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确度</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>校验准确度</translation>
    </message>
    <message>
        <source>Noise reduc&amp;tion</source>
        <translation>降噪(&amp;T)</translation>
    </message>
    <message>
        <source>Volume normali&amp;zation</source>
        <translation>音量归一化(&amp;Z)</translation>
    </message>
    <message>
        <source>Read by the new voice for the demo you hear after cloning</source>
        <translation>复刻完成后，新音色会朗读这段文本作为试听</translation>
    </message>
    <message>
        <source>Voice i&amp;d</source>
        <translation>音色 ID(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>备注(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Prompt audio</source>
        <translation>示例音频(&amp;P)</translation>
    </message>
    <message>
        <source>Tr&amp;anscript</source>
        <translation>示例文本(&amp;A)</translation>
    </message>
    <message>
        <source>Va&amp;lidate</source>
        <translation>校验(&amp;L)</translation>
    </message>
    <message>
        <source>Clean-up</source>
        <translation>预处理</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>Previe&amp;w text</source>
        <translation>试听文本(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cloning progress</source>
        <translation>复刻进度</translation>
    </message>
    <message>
        <source>▶  Pla&amp;y demo</source>
        <translation>▶  播放试听(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Use in Speech</source>
        <translation>在语音合成中使用(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keep it for good</source>
        <translation>永久保留(&amp;K)</translation>
    </message>
    <message>
        <source>Renders one short line with it in Speech, which stops the 7-day expiry</source>
        <translation>用它在语音合成中生成一句短句，从而取消 7 天后过期</translation>
    </message>
    <message>
        <source>2 · Clone it</source>
        <translation>2 · 复刻</translation>
    </message>
    <message>
        <source>{device}  (default)</source>
        <translation>{device}（默认）</translation>
    </message>
    <message>
        <source>{reason} Drop or choose a file instead.</source>
        <translation>{reason} 请改为拖入或选择一个文件。</translation>
    </message>
    <message>
        <source>No microphone or other audio input was found. Drop or choose a file instead.</source>
        <translation>未找到麦克风或其他音频输入设备。请改为拖入或选择一个文件。</translation>
    </message>
    <message>
        <source>Recording… the sample is checked when you stop.</source>
        <translation>正在录音…停止后会检查样本。</translation>
    </message>
    <message>
        <source>■  &amp;Stop</source>
        <translation>■  停止(&amp;S)</translation>
    </message>
    <message>
        <source>●  &amp;Retake</source>
        <translation>●  重录(&amp;R)</translation>
    </message>
    <message>
        <source>Choose a voice sample</source>
        <translation>选择音色样本</translation>
    </message>
    <message>
        <source>Audio (*.mp3 *.m4a *.wav);;All files (*)</source>
        <translation>音频 (*.mp3 *.m4a *.wav);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose prompt audio (&lt; 8 s)</source>
        <translation>选择示例音频（短于 8 秒）</translation>
    </message>
    <message>
        <source>Audio (*.mp3 *.m4a *.wav)</source>
        <translation>音频 (*.mp3 *.m4a *.wav)</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更换…</translation>
    </message>
    <message>
        <source>Optional: a &lt; 8 s excerpt of the same voice, with its exact transcript</source>
        <translation>可选：同一音色短于 8 秒的片段，附上准确文本</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>not audio</source>
        <translation>不是音频</translation>
    </message>
    <message>
        <source>8–256 letters, digits, - or _; starts with a letter; can&apos;t be reused once deleted</source>
        <translation>8–256 个字母、数字、- 或 _；以字母开头；删除后不能再次使用</translation>
    </message>
    <message>
        <source>✓ Available</source>
        <translation>✓ 可用</translation>
    </message>
    <message>
        <source>&amp;Clone voice</source>
        <translation>复刻音色(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>Cloning is billed when the voice is first used in Speech. The preview text is billed like speech (%Ln character(s)). Unused clones are deleted after 7 days.</source>
        <translation>
            <numerusform>复刻费用在音色首次用于语音合成时计费。试听文本按语音合成计费（%Ln 个字符）。未使用的复刻音色会在 7 天后删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cloning is billed when the voice is first used in Speech. No preview text: no demo audio, nothing billed now. Unused clones are deleted after 7 days.</source>
        <translation>复刻费用在音色首次用于语音合成时计费。没有试听文本：不生成试听音频，现在不计费。未使用的复刻音色会在 7 天后删除。</translation>
    </message>
    <message>
        <source>Add a sample first.</source>
        <translation>请先添加样本。</translation>
    </message>
    <message>
        <source>Checking the sample…</source>
        <translation>正在检查样本…</translation>
    </message>
    <message>
        <source>The sample failed the check; fix it first.</source>
        <translation>样本未通过检查，请先修正。</translation>
    </message>
    <message>
        <source>Type a voice id, or press Suggest.</source>
        <translation>输入音色 ID，或按“推荐”。</translation>
    </message>
    <message>
        <source>Pick a valid voice id.</source>
        <translation>请选择一个有效的音色 ID。</translation>
    </message>
    <message>
        <source>Checking the prompt audio…</source>
        <translation>正在检查示例音频…</translation>
    </message>
    <message>
        <source>The prompt audio failed its check.</source>
        <translation>示例音频未通过检查。</translation>
    </message>
    <message>
        <source>Type the exact transcript of the prompt audio.</source>
        <translation>请输入示例音频的准确文本。</translation>
    </message>
    <message>
        <source>✓  Cloned {voice}</source>
        <translation>✓  已复刻 {voice}</translation>
    </message>
    <message numerus="yes">
        <source>It is in your voices now. It expires in 168 h (7 days) unless you use it in Speech, or press “Keep it for good”. The demo cost %Ln character(s).</source>
        <translation>
            <numerusform>它已在你的音色中。若不在语音合成中使用或按“永久保留”，它将在 168 小时（7 天）后过期。试听计费 %Ln 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>It is in your voices now. It expires in 168 h (7 days) unless you use it in Speech, or press “Keep it for good”.</source>
        <translation>它已在你的音色中。若不在语音合成中使用或按“永久保留”，它将在 168 小时（7 天）后过期。</translation>
    </message>
    <message>
        <source>Not cloned: see the message above.</source>
        <translation>未复刻：请查看上方的消息。</translation>
    </message>
    <message>
        <source>Cancelled. Files already uploaded are being removed; nothing was cloned.</source>
        <translation>已取消。正在删除已上传的文件；没有复刻任何音色。</translation>
    </message>
</context>
</TS>
