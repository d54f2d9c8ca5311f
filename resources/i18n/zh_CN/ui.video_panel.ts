<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>JobRow</name>
    <message>
        <source>Submitting</source>
        <translation>提交中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Queueing</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>MiniMax 未能生成</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>Failed ({status})</source>
        <translation>失败（{status}）</translation>
    </message>
    <message>
        <source>Stopped watching</source>
        <translation>已停止跟踪</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <source>Text to video</source>
        <translation>文生视频</translation>
    </message>
    <message>
        <source>Image to video (first frame)</source>
        <translation>图生视频（首帧）</translation>
    </message>
    <message>
        <source>First + last frame</source>
        <translation>首尾帧</translation>
    </message>
    <message>
        <source>Subject reference</source>
        <translation>主体参考</translation>
    </message>
    <message>
        <source>Video agent template</source>
        <translation>视频 Agent 模板</translation>
    </message>
    <message>
        <source>Push in</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Pull out</source>
        <translation>拉远</translation>
    </message>
    <message>
        <source>Pan left</source>
        <translation>左摇</translation>
    </message>
    <message>
        <source>Pan right</source>
        <translation>右摇</translation>
    </message>
    <message>
        <source>Truck left</source>
        <translation>左移</translation>
    </message>
    <message>
        <source>Truck right</source>
        <translation>右移</translation>
    </message>
    <message>
        <source>Tilt up</source>
        <translation>上摇</translation>
    </message>
    <message>
        <source>Tilt down</source>
        <translation>下摇</translation>
    </message>
    <message>
        <source>Pedestal up</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>Pedestal down</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>变焦推近</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>变焦拉远</translation>
    </message>
    <message>
        <source>Shake</source>
        <translation>晃动</translation>
    </message>
    <message>
        <source>Tracking shot</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Static shot</source>
        <translation>固定</translation>
    </message>
    <message numerus="yes">
        <source>[{group}] combines %n camera moves; MiniMax takes at most {most}</source>
        <translation>
            <numerusform>[{group}] 组合了 %n 个运镜，MiniMax 最多支持 {most} 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{commands}” isn&apos;t a camera command MiniMax knows</source>
        <translation>
            <numerusform>“{commands}”不是 MiniMax 支持的运镜指令</numerusform>
        </translation>
    </message>
    <message>
        <source>{template} template</source>
        <translation>{template} 模板</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Save video</source>
        <translation>保存视频</translation>
    </message>
    <message>
        <source>Video (*.mp4);;All files (*)</source>
        <translation>视频 (*.mp4);;所有文件 (*)</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>首帧</translation>
    </message>
    <message>
        <source>The video starts on this picture</source>
        <translation>视频从这张图像开始</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>尾帧</translation>
    </message>
    <message>
        <source>…and ends on this one</source>
        <translation>…并以这张图像结束</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>One person to feature · a clear, front-facing photo</source>
        <translation>要出镜的一位人物 · 清晰的正脸照片</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>The template animates this picture</source>
        <translation>模板让这张图像动起来</translation>
    </message>
    <message>
        <source>e.g. tiger</source>
        <translation>例如：老虎</translation>
    </message>
    <message>
        <source>Wild &amp;beast</source>
        <translation>野兽(&amp;B)</translation>
    </message>
    <message>
        <source>Describe the shot. Camera moves go in brackets: a fox runs through snow [Tracking shot]</source>
        <translation>描述画面。运镜指令（英文）写在方括号里：一只狐狸跑过雪地 [Tracking shot]</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>提示词(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Camera move</source>
        <translation>运镜(&amp;C)</translation>
    </message>
    <message>
        <source>Insert a camera command in [brackets] at the cursor (up to 3 together)</source>
        <translation>在光标处插入方括号中的运镜指令（最多 3 个组合）</translation>
    </message>
    <message>
        <source>Let MiniMax &amp;improve the prompt</source>
        <translation>让 MiniMax 优化提示词(&amp;I)</translation>
    </message>
    <message>
        <source>M&amp;ode</source>
        <translation>模式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Resolution</source>
        <translation>分辨率(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>时长(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Generate video</source>
        <translation>生成视频(&amp;G)</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>No video jobs yet</source>
        <translation>还没有视频任务</translation>
    </message>
    <message>
        <source>Describe the shot and press Generate video: each job waits here until its video is ready, even across a restart.</source>
        <translation>描述画面并点击“生成视频”：每个任务都会在这里等到视频就绪，重启应用也不会丢失。</translation>
    </message>
    <message>
        <source>Write a prompt</source>
        <translation>写提示词</translation>
    </message>
    <message>
        <source>Stop &amp;watching</source>
        <translation>停止跟踪(&amp;W)</translation>
    </message>
    <message>
        <source>MiniMax can&apos;t cancel a video: it may still finish. Resume fetches it.</source>
        <translation>MiniMax 无法取消视频：它仍可能生成完成。点击“继续”即可取回。</translation>
    </message>
    <message>
        <source>R&amp;esume</source>
        <translation>继续(&amp;E)</translation>
    </message>
    <message>
        <source>Check the job again and download the video when it is ready</source>
        <translation>重新查询任务，视频就绪后下载</translation>
    </message>
    <message>
        <source>&amp;Save video…</source>
        <translation>保存视频(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>任务(&amp;J)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>The {template} template animates a picture: drop one on its slot.</source>
        <translation>“{template}”模板需要一张图像：请把图像拖到图像框中。</translation>
    </message>
    <message>
        <source>This mode needs a first frame: drop a picture on its slot.</source>
        <translation>此模式需要首帧：把图像拖到首帧框中。</translation>
    </message>
    <message>
        <source>This mode needs a last frame: drop a picture on its slot.</source>
        <translation>此模式需要尾帧：把图像拖到尾帧框中。</translation>
    </message>
    <message>
        <source>This mode needs a subject picture: drop one on its slot.</source>
        <translation>此模式需要主体图像：把图像拖到主体框中。</translation>
    </message>
    <message numerus="yes">
        <source>The prompt is %n character(s) too long.</source>
        <translation>
            <numerusform>提示词超出 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Submitted. Videos take a few minutes; you can close this panel or the app and the video is fetched when it is ready.</source>
        <translation>已提交。视频需要几分钟；可以关闭此面板或应用，视频就绪后会自动取回。</translation>
    </message>
    <message>
        <source>Video ready: {what}</source>
        <translation>视频已就绪：{what}</translation>
    </message>
    <message>
        <source>Failed: {what}</source>
        <translation>失败：{what}</translation>
    </message>
    <message>
        <source>Stopped watching: {what}</source>
        <translation>已停止跟踪：{what}</translation>
    </message>
</context>
</TS>
