<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>VoiceLab</name>
    <message>
        <source>Can&apos;t be cloned: {count} problem to fix first.</source>
        <translation>无法复刻：有 {count} 个问题需要先解决。</translation>
    </message>
    <message>
        <source>Can&apos;t be cloned: {count} problems to fix first.</source>
        <translation>无法复刻：有 {count} 个问题需要先解决。</translation>
    </message>
    <message>
        <source>Can be cloned, but {count} thing could make the clone worse.</source>
        <translation>可以复刻，但有 {count} 处可能影响复刻效果。</translation>
    </message>
    <message>
        <source>Can be cloned, but {count} things could make the clone worse.</source>
        <translation>可以复刻，但有 {count} 处可能影响复刻效果。</translation>
    </message>
    <message>
        <source>Good to clone: every check passed.</source>
        <translation>可以复刻：所有检查均已通过。</translation>
    </message>
    <message>
        <source>Can&apos;t be cloned: {problem}. {fix}</source>
        <translation>无法复刻：{problem}。{fix}</translation>
    </message>
    <message>
        <source>Can be cloned, but: {problem}. {fix}</source>
        <translation>可以复刻，但：{problem}。{fix}</translation>
    </message>
    <message>
        <source>prompt audio</source>
        <translation>示例音频</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>the file can&apos;t be read ({reason})</source>
        <translation>无法读取文件（{reason}）</translation>
    </message>
    <message>
        <source>Pick the file again.</source>
        <translation>请重新选择文件。</translation>
    </message>
    <message>
        <source>the file is {size:.1f} MB, over the 20 MB upload limit</source>
        <translation>文件大小为 {size:.1f} MB，超过 20 MB 的上传上限</translation>
    </message>
    <message>
        <source>Export it as mp3 (128 kbps is plenty) or trim it.</source>
        <translation>请导出为 mp3（128 kbps 已足够）或剪短。</translation>
    </message>
    <message>
        <source>{file} is not audio</source>
        <translation>{file} 不是音频</translation>
    </message>
    <message>
        <source>Use an mp3, m4a or wav recording of the voice.</source>
        <translation>请使用 mp3、m4a 或 wav 格式的人声录音。</translation>
    </message>
    <message>
        <source>the file is {format}, not mp3, m4a or wav</source>
        <translation>文件格式为 {format}，不是 mp3、m4a 或 wav</translation>
    </message>
    <message>
        <source>Convert it to mp3 or wav first.</source>
        <translation>请先转换为 mp3 或 wav。</translation>
    </message>
    <message>
        <source>it is {seconds:.1f} s long; a clone needs at least 10 s</source>
        <translation>时长为 {seconds:.1f} 秒；复刻至少需要 10 秒</translation>
    </message>
    <message>
        <source>Record at least 10 s ({best} of clear speech works best).</source>
        <translation>请至少录制 10 秒（{best} 的清晰语音效果最佳）。</translation>
    </message>
    <message>
        <source>it is {minutes:.1f} min long; the limit is 5 min</source>
        <translation>时长为 {minutes:.1f} 分钟；上限为 5 分钟</translation>
    </message>
    <message>
        <source>Trim it to the best 1–5 minutes.</source>
        <translation>请剪出效果最好的 1–5 分钟。</translation>
    </message>
    <message>
        <source>{seconds:.1f} s is within {limits}</source>
        <translation>{seconds:.1f} 秒，在 {limits} 范围内</translation>
    </message>
    <message>
        <source>the prompt audio is {seconds:.1f} s; it must be shorter than 8 s</source>
        <translation>示例音频时长为 {seconds:.1f} 秒；必须短于 8 秒</translation>
    </message>
    <message>
        <source>Cut one sentence of 3–7 s.</source>
        <translation>请剪出一句 3–7 秒的语音。</translation>
    </message>
    <message>
        <source>the sample rate is only {rate} Hz</source>
        <translation>采样率仅为 {rate} Hz</translation>
    </message>
    <message>
        <source>Record at 44.1 or 48 kHz if you can: the clone copies the dullness.</source>
        <translation>尽量以 44.1 或 48 kHz 录制：复刻会连同沉闷的音质一起复制。</translation>
    </message>
    <message>
        <source>the audio can&apos;t be decoded ({reason})</source>
        <translation>无法解码音频（{reason}）</translation>
    </message>
    <message>
        <source>Export the file again.</source>
        <translation>请重新导出文件。</translation>
    </message>
    <message>
        <source>the file has no audio samples</source>
        <translation>文件中没有音频数据</translation>
    </message>
    <message>
        <source>Record or export the sample again.</source>
        <translation>请重新录制或导出样本。</translation>
    </message>
    <message>
        <source>the {what} is silent</source>
        <translation>{what}没有声音</translation>
    </message>
    <message>
        <source>Check the microphone and record again.</source>
        <translation>请检查麦克风后重新录制。</translation>
    </message>
    <message>
        <source>{percent:.1f} % of the {what} is clipped (distorted)</source>
        <translation>{what}有 {percent:.1f} % 削波（失真）</translation>
    </message>
    <message>
        <source>Record again with the input gain lower or further from the microphone.</source>
        <translation>请调低输入增益或离麦克风远一些，重新录制。</translation>
    </message>
    <message>
        <source>{percent:.2f} % of the {what} is clipped</source>
        <translation>{what}有 {percent:.2f} % 削波</translation>
    </message>
    <message>
        <source>A little distortion; lower the input gain if you record again.</source>
        <translation>有轻微失真；如重新录制，请调低输入增益。</translation>
    </message>
    <message>
        <source>no clipping (peak {peak:.1f} dBFS)</source>
        <translation>无削波（峰值 {peak:.1f} dBFS）</translation>
    </message>
    <message>
        <source>it is quiet ({loudness:.0f} LUFS)</source>
        <translation>音量偏小（{loudness:.0f} LUFS）</translation>
    </message>
    <message>
        <source>Move closer to the microphone, or tick &apos;volume normalization&apos;.</source>
        <translation>请靠近麦克风，或勾选“音量归一化”。</translation>
    </message>
    <message>
        <source>it is very loud ({loudness:.0f} LUFS)</source>
        <translation>音量过大（{loudness:.0f} LUFS）</translation>
    </message>
    <message>
        <source>Lower the gain a little.</source>
        <translation>请稍微调低增益。</translation>
    </message>
    <message>
        <source>background noise is nearly as loud as the voice (SNR ~{snr:.0f} dB)</source>
        <translation>背景噪声几乎与人声一样响（信噪比约 {snr:.0f} dB）</translation>
    </message>
    <message>
        <source>Record in a quiet room, away from fans and traffic.</source>
        <translation>请在安静的房间录制，远离风扇和车流。</translation>
    </message>
    <message>
        <source>background noise is audible (SNR ~{snr:.0f} dB)</source>
        <translation>能听到背景噪声（信噪比约 {snr:.0f} dB）</translation>
    </message>
    <message>
        <source>Record somewhere quieter, or tick &apos;noise reduction&apos;.</source>
        <translation>请换个更安静的地方录制，或勾选“降噪”。</translation>
    </message>
    <message>
        <source>quiet background (SNR ~{snr:.0f} dB)</source>
        <translation>背景安静（信噪比约 {snr:.0f} dB）</translation>
    </message>
    <message>
        <source>only {percent:.0f} % of it is speech</source>
        <translation>只有 {percent:.0f} % 是语音</translation>
    </message>
    <message>
        <source>Trim long silences: the clone learns from the speech.</source>
        <translation>请剪掉较长的静音：复刻是从语音中学习的。</translation>
    </message>
    <message>
        <source>The id {rule}</source>
        <translation>ID {rule}</translation>
    </message>
    <message>
        <source>This id belonged to a deleted voice; deleted ids can never be used again</source>
        <translation>此 ID 属于已删除的音色；已删除的 ID 永远不能再使用</translation>
    </message>
    <message>
        <source>One of your voices already has this id</source>
        <translation>你的音色中已有一个使用此 ID</translation>
    </message>
    <message>
        <source>is required with prompt audio: its exact transcript</source>
        <translation>在使用示例音频时必填：示例音频的准确文本</translation>
    </message>
    <message>
        <source>designed voice {suffix}</source>
        <translation>设计音色 {suffix}</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> 等另外 {count} 个</translation>
    </message>
    <message>
        <source>{count} voice expires within {hours:.0f} h unless used: {names}{more}. Activate them in Voice Lab → My voices.</source>
        <translation>{count} 个音色如不使用将在 {hours:.0f} 小时内过期：{names}{more}。请在“音色实验室 → 我的音色”中激活。</translation>
    </message>
    <message>
        <source>{count} voices expire within {hours:.0f} h unless used: {names}{more}. Activate them in Voice Lab → My voices.</source>
        <translation>{count} 个音色如不使用将在 {hours:.0f} 小时内过期：{names}{more}。请在“音色实验室 → 我的音色”中激活。</translation>
    </message>
    <message>
        <source>Checking the sample…</source>
        <translation>正在检查样本…</translation>
    </message>
    <message>
        <source>Uploading the sample ({size:.1f} MB)…</source>
        <translation>正在上传样本（{size:.1f} MB）…</translation>
    </message>
    <message>
        <source>Uploading the prompt audio…</source>
        <translation>正在上传示例音频…</translation>
    </message>
    <message>
        <source>Cloning the voice and rendering the demo…</source>
        <translation>正在复刻音色并生成试听…</translation>
    </message>
    <message>
        <source>Cloning the voice…</source>
        <translation>正在复刻音色…</translation>
    </message>
    <message>
        <source>Fetching the demo…</source>
        <translation>正在获取试听…</translation>
    </message>
    <message>
        <source>the demo</source>
        <translation>试听音频</translation>
    </message>
    <message>
        <source> (no demo: {reason})</source>
        <translation>（无试听：{reason}）</translation>
    </message>
    <message>
        <source>Cloned {voice}{no_demo}</source>
        <translation>已复刻 {voice}{no_demo}</translation>
    </message>
    <message>
        <source>The mix rendering came back without audio; try again.</source>
        <translation>混合音色的生成结果没有音频；请重试。</translation>
    </message>
</context>
</TS>
