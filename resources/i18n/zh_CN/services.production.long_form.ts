<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionLongForm</name>
    <message>
        <source>its result is gone (MiniMax keeps it 9 h); rendering again creates a new task, which is billed again</source>
        <translation>结果已失效（MiniMax 只保留 9 小时）；重新生成会创建新任务并再次计费</translation>
    </message>
    <message>
        <source>nothing was produced; rendering again creates a new task</source>
        <translation>没有生成任何内容；重新生成会创建新任务</translation>
    </message>
    <message>
        <source>MiniMax&apos;s long-text speech task {task} ended with status {status}: {what}.{trace}</source>
        <translation>MiniMax 的长文本语音合成任务 {task} 已结束，状态为 {status}：{what}。{trace}</translation>
    </message>
    <message>
        <source>No long-text speech task is waiting for {file} (no {sidecar})</source>
        <translation>没有等待 {file} 的长文本语音合成任务（没有 {sidecar}）</translation>
    </message>
    <message>
        <source>can&apos;t be used by long-text speech (t2a_async_v2 takes one voice_id): render this chapter sentence by sentence</source>
        <translation>不能用于长文本语音合成（t2a_async_v2 只接受一个 voice_id）：请逐句生成此章节</translation>
    </message>
    <message>
        <source>must contain speakable text</source>
        <translation>须包含可朗读的文本</translation>
    </message>
    <message>
        <source>must be at most {limit:,} characters for long-text speech (got {count:,})</source>
        <translation>长文本语音合成最多 {limit:,} 个字符（当前为 {count:,}）</translation>
    </message>
    <message>
        <source>has a pause marker problem</source>
        <translation>停顿标记有问题</translation>
    </message>
    <message>
        <source>async speech is turned off</source>
        <translation>异步语音合成已关闭</translation>
    </message>
    <message>
        <source>async speech was asked for</source>
        <translation>已要求使用异步语音合成</translation>
    </message>
    <message>
        <source>{count:,} characters is under the async threshold of {threshold:,}</source>
        <translation>{count:,} 个字符，低于异步阈值 {threshold:,}</translation>
    </message>
    <message>
        <source>one async task (~{async_s:.0f} s) beats sentence units (~{sync_s:.0f} s)</source>
        <translation>一个异步任务（约 {async_s:.0f} 秒）快于逐句生成（约 {sync_s:.0f} 秒）</translation>
    </message>
    <message>
        <source>sentence units (~{sync_s:.0f} s) beat one async task (~{async_s:.0f} s)</source>
        <translation>逐句生成（约 {sync_s:.0f} 秒）快于一个异步任务（约 {async_s:.0f} 秒）</translation>
    </message>
    <message>
        <source>async speech takes one voice; this chapter has {voices}</source>
        <translation>异步语音合成只接受一个音色；此章节有 {voices} 个</translation>
    </message>
    <message>
        <source>async speech can&apos;t take it: {problem}</source>
        <translation>异步语音合成无法处理：{problem}</translation>
    </message>
    <message>
        <source>{file} can&apos;t be read as a task ({reason}); it stands for a task that may already be billed. Move it away to render again.</source>
        <translation>无法将 {file} 读取为任务（{reason}）；它代表的任务可能已计费。将其移走后才能重新生成。</translation>
    </message>
    <message>
        <source>MiniMax accepted the long-text speech task but sent no task_id</source>
        <translation>MiniMax 接受了长文本语音合成任务，但没有返回 task_id</translation>
    </message>
    <message>
        <source>MiniMax created long-text speech task {task} (billed), but its record {file} couldn&apos;t be written: {reason}. Make room, then resume it; rendering again would bill again.</source>
        <translation>MiniMax 已创建长文本语音合成任务 {task}（已计费），但无法写入其记录 {file}：{reason}。请腾出空间后继续该任务；重新生成会再次计费。</translation>
    </message>
    <message>
        <source>MiniMax reported task {task} done without a file_id</source>
        <translation>MiniMax 报告任务 {task} 已完成，但没有 file_id</translation>
    </message>
    <message>
        <source>the long-text speech result</source>
        <translation>长文本语音合成的结果</translation>
    </message>
    <message>
        <source>The result of task {task} holds no audio (members: {members})</source>
        <translation>任务 {task} 的结果不含音频（成员：{members}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The audio of the long-text speech result for {file} is empty</source>
        <translation>{file} 的长文本语音合成结果中音频为空</translation>
    </message>
</context>
</TS>
