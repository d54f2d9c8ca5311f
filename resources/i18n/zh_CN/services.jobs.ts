<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Jobs</name>
    <message>
        <source>Waiting {seconds:.0f} s for a free slot: MiniMax takes {per_minute} videos a minute</source>
        <translation>等待 {seconds:.0f} 秒以获得空闲名额：MiniMax 每分钟接受 {per_minute} 个视频</translation>
    </message>
    <message>
        <source>Cancelled before sending</source>
        <translation>发送前已取消</translation>
    </message>
    <message>
        <source>Submitted: task {task_id}</source>
        <translation>已提交：任务 {task_id}</translation>
    </message>
    <message>
        <source>The app closed while this job was being sent; it may not exist. Submit it again.</source>
        <translation>发送此任务时应用已关闭；该任务可能不存在。请重新提交。</translation>
    </message>
    <message>
        <source>Job {job} was never accepted by MiniMax; submit it again</source>
        <translation>任务 {job} 未被 MiniMax 接受；请重新提交</translation>
    </message>
    <message>
        <source>Stopped watching; MiniMax may still finish it. Resume to fetch it.</source>
        <translation>已停止跟踪；MiniMax 可能仍会完成它。恢复任务即可获取。</translation>
    </message>
    <message>
        <source>Stopped watching the job</source>
        <translation>已停止跟踪该任务</translation>
    </message>
    <message>
        <source>a video</source>
        <translation>一个视频</translation>
    </message>
    <message>
        <source>The video {name} is still being made by this demo, which keeps nothing (another MiniMax Studio holds the demo&apos;s state): quitting loses it.</source>
        <translation>视频 {name} 仍在此演示模式中生成，而此演示模式不保存任何内容（演示状态由另一个 MiniMax Studio 持有）：退出将丢失该视频。</translation>
    </message>
    <message>
        <source>{count} videos ({name} and {more} more) are still being made by this demo, which keeps nothing (another MiniMax Studio holds the demo&apos;s state): quitting loses them.</source>
        <translation>{count} 个视频（{name} 及另外 {more} 个）仍在此演示模式中生成，而此演示模式不保存任何内容（演示状态由另一个 MiniMax Studio 持有）：退出将丢失这些视频。</translation>
    </message>
    <message>
        <source>The video {name} is still being made at MiniMax. Quitting doesn&apos;t stop it: it will resume next time you open the studio and download then.</source>
        <translation>视频 {name} 仍在 MiniMax 生成中。退出不会停止它：下次打开 MiniMax Studio 时会继续跟踪并下载。</translation>
    </message>
    <message>
        <source>{count} videos ({name} and {more} more) are still being made at MiniMax. Quitting doesn&apos;t stop them: they will resume next time you open the studio and download then.</source>
        <translation>{count} 个视频（{name} 及另外 {more} 个）仍在 MiniMax 生成中。退出不会停止它们：下次打开 MiniMax Studio 时会继续跟踪并下载。</translation>
    </message>
    <message>
        <source>No job {job!r} in the Library</source>
        <translation>媒体库中没有任务 {job!r}</translation>
    </message>
    <message>
        <source>MiniMax couldn&apos;t make this video (status {status!r}); nothing was produced.</source>
        <translation>MiniMax 无法生成此视频（状态 {status!r}）；未产生任何内容。</translation>
    </message>
    <message>
        <source>Waiting for the account to connect</source>
        <translation>正在等待账户连接</translation>
    </message>
    <message>
        <source>Checking again in {seconds:.0f} s: {reason}</source>
        <translation>{seconds:.0f} 秒后重新查询：{reason}</translation>
    </message>
    <message>
        <source>The video is ready but the download failed: {reason} Resume the job to try again.</source>
        <translation>视频已生成，但下载失败：{reason} 请恢复任务以重试。</translation>
    </message>
    <message>
        <source>The video is ready but couldn&apos;t be downloaded: {reason} Resume the job: it asks MiniMax for a new link.</source>
        <translation>视频已生成，但无法下载：{reason} 请恢复任务：它会向 MiniMax 请求新的链接。</translation>
    </message>
    <message>
        <source>The video is ready but couldn&apos;t be saved: {reason}</source>
        <translation>视频已生成，但无法保存：{reason}</translation>
    </message>
    <message>
        <source>The video is ready but couldn&apos;t be saved ({reason}: {where}). Make room, then resume the job.</source>
        <translation>视频已生成，但无法保存（{reason}：{where}）。请腾出空间后恢复任务。</translation>
    </message>
    <message>
        <source>the video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Video ready: {video}</source>
        <translation>视频已就绪：{video}</translation>
    </message>
    <message>
        <source>MiniMax reported Success without a file id</source>
        <translation>MiniMax 报告成功，但没有返回文件 ID</translation>
    </message>
    <message>
        <source>MiniMax reported Success without a download URL</source>
        <translation>MiniMax 报告成功，但没有返回下载链接</translation>
    </message>
    <message>
        <source>{model} template</source>
        <translation>{model} 模板</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
</context>
</TS>
