<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImagePanel</name>
    <message>
        <source>Save picture</source>
        <translation>保存图像</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Describe the picture: subject, setting, light, style…</source>
        <translation>描述图像：主体、场景、光线、风格…</translation>
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
        <source>Let MiniMax &amp;improve the prompt</source>
        <translation>让 MiniMax 优化提示词(&amp;I)</translation>
    </message>
    <message>
        <source>prompt_optimizer: MiniMax rewrites the prompt before generating</source>
        <translation>prompt_optimizer：MiniMax 在生成前改写提示词</translation>
    </message>
    <message>
        <source>{model} (faster, aspect ratios only)</source>
        <translation>{model}（更快，仅支持宽高比）</translation>
    </message>
    <message>
        <source>Custom width × height</source>
        <translation>自定义宽 × 高</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>px, multiples of 8</source>
        <translation>px，须为 8 的倍数</translation>
    </message>
    <message>
        <source>How many pictures to make (1–9)</source>
        <translation>生成几张图像（1–9）</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>The same seed and prompt give the same picture; Random picks a new one</source>
        <translation>相同的种子和提示词生成相同的图像；“随机”每次换一个新种子</translation>
    </message>
    <message>
        <source>&amp;Reuse seed</source>
        <translation>沿用种子(&amp;R)</translation>
    </message>
    <message>
        <source>Use the selected result&apos;s seed for the next pictures</source>
        <translation>下次生成使用所选结果的种子</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>Si&amp;ze</source>
        <translation>尺寸(&amp;Z)</translation>
    </message>
    <message>
        <source>Pict&amp;ures</source>
        <translation>张数(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Seed</source>
        <translation>种子(&amp;S)</translation>
    </message>
    <message>
        <source>Subject reference (optional)</source>
        <translation>主体参考（可选）</translation>
    </message>
    <message>
        <source>One front-facing person to keep · JPG or PNG under 10 MB</source>
        <translation>要保留的一位正脸人物 · JPG 或 PNG，小于 10 MB</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>No pictures yet</source>
        <translation>还没有图像</translation>
    </message>
    <message>
        <source>Write a prompt and press Generate: your pictures appear here, newest first.</source>
        <translation>写下提示词并点击“生成”：生成的图像会显示在这里，最新的在前。</translation>
    </message>
    <message>
        <source>Write a prompt</source>
        <translation>写提示词</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Full size (double-click)</source>
        <translation>查看原图（双击）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;ave…</source>
        <translation>保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Use as video &amp;first frame</source>
        <translation>用作视频首帧(&amp;F)</translation>
    </message>
    <message>
        <source>Open Video in image-to-video mode with this picture</source>
        <translation>以图生视频模式打开“视频”，并使用这张图像</translation>
    </message>
    <message numerus="yes">
        <source>The prompt is %n character(s) over MiniMax&apos;s {limit}.</source>
        <translation>
            <numerusform>提示词比 MiniMax 的上限（{limit} 个字符）多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>Width must be a multiple of 8 (got {value}).</source>
        <translation>宽度须为 8 的倍数（当前为 {value}）。</translation>
    </message>
    <message>
        <source>Height must be a multiple of 8 (got {value}).</source>
        <translation>高度须为 8 的倍数（当前为 {value}）。</translation>
    </message>
    <message numerus="yes">
        <source>Generating %n picture(s)…</source>
        <translation>
            <numerusform>正在生成 %n 张图像…</numerusform>
        </translation>
    </message>
    <message>
        <source>MiniMax takes 10 image requests a minute: waiting {seconds} s…</source>
        <translation>MiniMax 每分钟接受 10 个图像请求：等待 {seconds} 秒…</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) saved to the Library · seed {seed}</source>
        <translation>
            <numerusform>%n 张图像已保存到媒体库 · 种子 {seed}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) saved to the Library</source>
        <translation>
            <numerusform>%n 张图像已保存到媒体库</numerusform>
        </translation>
    </message>
    <message>
        <source>{prompt}
{width} × {height} · seed {seed} · {model}</source>
        <translation>{prompt}
{width} × {height} · 种子 {seed} · {model}</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) · double-click to view full size</source>
        <translation>
            <numerusform>%n 张图像 · 双击查看原图</numerusform>
        </translation>
    </message>
    <message>
        <source>Picture copied</source>
        <translation>图像已复制</translation>
    </message>
    <message>
        <source>Seed {seed} will be used for the next pictures</source>
        <translation>下次生成将使用种子 {seed}</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the picture to the window (0)</source>
        <translation>图像适应窗口大小（0）</translation>
    </message>
    <message>
        <source>Show the picture pixel for pixel (1)</source>
        <translation>按原始像素显示图像（1）</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
</context>
</TS>
