<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SpeechRules</name>
    <message>
        <source> at position {position}</source>
        <translation>（位置 {position}）</translation>
    </message>
    <message>
        <source>pause marker {marker}{where} is malformed: write a pause as &lt;#seconds#&gt;, e.g. &lt;#1.5#&gt;</source>
        <translation>停顿标记 {marker}{where}格式有误：停顿应写作 &lt;#秒数#&gt;，例如 &lt;#1.5#&gt;</translation>
    </message>
    <message>
        <source>pause marker {marker}{where} has spaces: write it as {fixed}</source>
        <translation>停顿标记 {marker}{where}含有空格：应写作 {fixed}</translation>
    </message>
    <message>
        <source>pause marker {marker}{where}: pause must be 0.01–99.99 s with at most 2 decimals</source>
        <translation>停顿标记 {marker}{where}：停顿须为 0.01–99.99 秒，最多 2 位小数</translation>
    </message>
    <message>
        <source>pause marker {marker}{where} starts the text: put pauses between speakable text</source>
        <translation>停顿标记 {marker}{where}位于文本开头：停顿应放在可朗读的文本之间</translation>
    </message>
    <message>
        <source>consecutive pause markers{where}: put speakable text between pauses</source>
        <translation>连续的停顿标记{where}：停顿之间须有可朗读的文本</translation>
    </message>
    <message>
        <source>pause marker {marker}{where} ends the text: put pauses between speakable text</source>
        <translation>停顿标记 {marker}{where}位于文本末尾：停顿应放在可朗读的文本之间</translation>
    </message>
    <message>
        <source>must contain speakable text besides pause markers</source>
        <translation>除停顿标记外，还必须包含可朗读的文本</translation>
    </message>
    <message>
        <source>must contain speakable text</source>
        <translation>必须包含可朗读的文本</translation>
    </message>
    <message>
        <source>must be shorter than {limit:,} characters (got {count:,})</source>
        <translation>必须少于 {limit:,} 个字符（当前为 {count:,} 个）</translation>
    </message>
    <message>
        <source>must be at most {limit:,} characters (got {count:,})</source>
        <translation>最多 {limit:,} 个字符（当前为 {count:,} 个）</translation>
    </message>
    <message>
        <source>has a pause marker problem</source>
        <translation>存在停顿标记问题</translation>
    </message>
    <message>
        <source>takes exactly one effect at a time (got {count}: {effects})</source>
        <translation>一次只能使用一种音效（当前为 {count} 种：{effects}）</translation>
    </message>
    <message>
        <source>must look like &quot;from/to&quot;, e.g. &quot;Omg/Oh my god&quot; (got {tone})</source>
        <translation>格式必须为“原文/读法”，例如“Omg/Oh my god”（当前为 {tone}）</translation>
    </message>
    <message>
        <source>must mix 1–{most} voices (got {count})</source>
        <translation>必须混合 1–{most} 个音色（当前为 {count} 个）</translation>
    </message>
    <message>
        <source>{emotion} is not available on {model}: pick one of {allowed}, or leave it out to let the model choose</source>
        <translation>{emotion} 在 {model} 上不可用：请从 {allowed} 中选择，或不填以让模型自行选择</translation>
    </message>
    <message>
        <source>must be empty when timber_weights mixes voices (got {voice_id})</source>
        <translation>在 timber_weights 混合音色时必须留空（当前为 {voice_id}）</translation>
    </message>
    <message>
        <source>is required (pick a voice, or mix voices with timber_weights)</source>
        <translation>为必填项（请选择一个音色，或用 timber_weights 混合音色）</translation>
    </message>
    <message>
        <source>must be mp3, pcm or flac when streaming (got &apos;wav&apos;)</source>
        <translation>流式输出时必须为 mp3、pcm 或 flac（当前为 &apos;wav&apos;）</translation>
    </message>
    <message>
        <source>must be mp3 with voice_modify when streaming (got {format})</source>
        <translation>流式输出且使用 voice_modify 时必须为 mp3（当前为 {format}）</translation>
    </message>
    <message>
        <source>must be mp3, wav or flac with voice_modify without streaming (got {format})</source>
        <translation>非流式输出且使用 voice_modify 时必须为 mp3、wav 或 flac（当前为 {format}）</translation>
    </message>
    <message>
        <source>only applies to streamed mp3: use stream with format mp3</source>
        <translation>仅适用于流式 mp3：请使用 stream 并将格式设为 mp3</translation>
    </message>
    <message>
        <source>must be hex when streaming (got &apos;url&apos;): streams are always hex</source>
        <translation>流式输出时必须为 hex（当前为 &apos;url&apos;）：流式输出始终为 hex</translation>
    </message>
    <message>
        <source>is only available without streaming</source>
        <translation>仅在非流式输出时可用</translation>
    </message>
    <message>
        <source>is required (or text_file_id of an uploaded text file)</source>
        <translation>为必填项（或提供已上传文本文件的 text_file_id）</translation>
    </message>
    <message>
        <source>can&apos;t be combined with text: give one of them</source>
        <translation>不能与 text 同时使用：请只提供其中一个</translation>
    </message>
    <message>
        <source>must be mp3, pcm or flac for long-text speech (got &apos;wav&apos;)</source>
        <translation>长文本语音合成必须为 mp3、pcm 或 flac（当前为 &apos;wav&apos;）</translation>
    </message>
    <message>
        <source>only applies to streamed mp3, not long-text speech</source>
        <translation>仅适用于流式 mp3，不适用于长文本语音合成</translation>
    </message>
    <message>
        <source>speech audio</source>
        <translation>语音音频</translation>
    </message>
    <message>
        <source>a subtitle file must be a JSON array of sentences (got {kind})</source>
        <translation>字幕文件必须是由句子组成的 JSON 数组（当前为 {kind}）</translation>
    </message>
</context>
</TS>
