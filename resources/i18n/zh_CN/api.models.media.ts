<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MediaRules</name>
    <message>
        <source>must hold exactly one subject (got {count})</source>
        <translation>必须正好包含一个主体（当前为 {count} 个）</translation>
    </message>
    <message>
        <source>must be a multiple of 8 between 512 and 2048 (got {value})</source>
        <translation>必须是 512 到 2048 之间 8 的倍数（当前为 {value}）</translation>
    </message>
    <message>
        <source>is required too: give width and height together</source>
        <translation>也为必填项：width 和 height 须同时提供</translation>
    </message>
    <message>
        <source>is only for image-01: image-01-live takes aspect_ratio only</source>
        <translation>仅适用于 image-01：image-01-live 只接受 aspect_ratio</translation>
    </message>
    <message>
        <source>can&apos;t be combined with width/height: give one or the other</source>
        <translation>不能与 width/height 同时使用：请二选一</translation>
    </message>
    <message>
        <source>text-to-video</source>
        <translation>文生视频</translation>
    </message>
    <message>
        <source>image-to-video</source>
        <translation>图生视频</translation>
    </message>
    <message>
        <source>first+last-frame video</source>
        <translation>首尾帧视频</translation>
    </message>
    <message>
        <source>subject-reference video</source>
        <translation>主体参考视频</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{resolution} {durations} s</source>
        <translation>{resolution} {durations} 秒</translation>
    </message>
    <message>
        <source>must hold exactly one image (got {count})</source>
        <translation>必须正好包含一张图像（当前为 {count} 张）</translation>
    </message>
    <message>
        <source>can&apos;t be combined with first/last frame images</source>
        <translation>不能与首帧/尾帧图像同时使用</translation>
    </message>
    <message>
        <source>is required with last_frame_image</source>
        <translation>在使用 last_frame_image 时为必填项</translation>
    </message>
    <message>
        <source>is required for text-to-video</source>
        <translation>在文生视频时为必填项</translation>
    </message>
    <message>
        <source>{model} can&apos;t make {kind}; models that can: {models}</source>
        <translation>{model} 无法生成{kind}；可用的模型：{models}</translation>
    </message>
    <message>
        <source>{resolution} isn&apos;t available for {model} {kind}; allowed: {allowed}</source>
        <translation>{model} 的{kind}不支持 {resolution}；可选：{allowed}</translation>
    </message>
    <message>
        <source>{duration} s at {resolution} isn&apos;t available for {model} {kind}; allowed: {allowed}</source>
        <translation>{model} 的{kind}不支持 {resolution} 下的 {duration} 秒；可选：{allowed}</translation>
    </message>
    <message>
        <source>is only for MiniMax-Hailuo-02 and MiniMax-Hailuo-2.3 models</source>
        <translation>仅适用于 MiniMax-Hailuo-02 和 MiniMax-Hailuo-2.3 模型</translation>
    </message>
    <message>
        <source>Diving</source>
        <translation>跳水</translation>
    </message>
    <message>
        <source>The subject in the picture completes a perfect dive.</source>
        <translation>图中主体完成一次完美的跳水。</translation>
    </message>
    <message>
        <source>Run for Life</source>
        <translation>荒野求生</translation>
    </message>
    <message>
        <source>Your pet survives in the wilderness; text_inputs names a type of wild beast.</source>
        <translation>你的宠物在荒野中求生；text_inputs 填写一种野兽。</translation>
    </message>
    <message>
        <source>Transformers</source>
        <translation>变形金刚</translation>
    </message>
    <message>
        <source>A photo of a car becomes a transforming mecha.</source>
        <translation>汽车照片变身为变形机甲。</translation>
    </message>
    <message>
        <source>Still rings routine</source>
        <translation>吊环</translation>
    </message>
    <message>
        <source>The subject performs a perfect still rings routine.</source>
        <translation>主体完成一套完美的吊环动作。</translation>
    </message>
    <message>
        <source>Weightlifting</source>
        <translation>举重</translation>
    </message>
    <message>
        <source>Your pet performs a perfect weightlifting move.</source>
        <translation>你的宠物完成一次完美的举重。</translation>
    </message>
    <message>
        <source>Climbing</source>
        <translation>攀岩</translation>
    </message>
    <message>
        <source>The subject completes a perfect sport climb.</source>
        <translation>主体完成一次完美的竞技攀岩。</translation>
    </message>
    <message>
        <source>must be one of {known} (got {template_id})</source>
        <translation>必须是 {known} 之一（当前为 {template_id}）</translation>
    </message>
    <message>
        <source>needs a picture for the {name} template</source>
        <translation>“{name}”模板需要一张图片</translation>
    </message>
    <message>
        <source>needs a text for the {name} template</source>
        <translation>“{name}”模板需要一段文本</translation>
    </message>
    <message>
        <source>isn&apos;t used by the {name} template: leave it empty</source>
        <translation>“{name}”模板不使用此项：请留空</translation>
    </message>
    <message>
        <source>is required for {model} ({lo:,}–{hi:,} characters)</source>
        <translation>对 {model} 为必填项（{lo:,}–{hi:,} 个字符）</translation>
    </message>
    <message>
        <source>must be at most {hi:,} characters for {model} (got {count:,})</source>
        <translation>对 {model} 最多 {hi:,} 个字符（当前为 {count:,} 个）</translation>
    </message>
    <message>
        <source>must be {lo:,}–{hi:,} characters for {model} (got {count:,})</source>
        <translation>对 {model} 必须为 {lo:,}–{hi:,} 个字符（当前为 {count:,} 个）</translation>
    </message>
    <message>
        <source>must be hex when streaming (got &apos;url&apos;)</source>
        <translation>流式输出时必须为 hex（当前为 &apos;url&apos;）</translation>
    </message>
    <message>
        <source>is only for music-01 (got model {model})</source>
        <translation>仅适用于 music-01（当前模型为 {model}）</translation>
    </message>
    <message>
        <source>needs one of {allowed} (got model {model})</source>
        <translation>需要 {allowed} 之一（当前模型为 {model}）</translation>
    </message>
    <message>
        <source>is required for instrumental music: describe the style</source>
        <translation>纯音乐必须填写：请描述风格</translation>
    </message>
    <message>
        <source>must be empty for instrumental music</source>
        <translation>纯音乐时必须留空</translation>
    </message>
    <message>
        <source>needs a music-2.x model (got model {model})</source>
        <translation>需要 music-2.x 模型（当前模型为 {model}）</translation>
    </message>
    <message>
        <source>is required when lyrics_optimizer writes the lyrics</source>
        <translation>由 lyrics_optimizer 撰写歌词时为必填项</translation>
    </message>
    <message>
        <source>must be empty when lyrics_optimizer writes the lyrics</source>
        <translation>由 lyrics_optimizer 撰写歌词时必须留空</translation>
    </message>
    <message>
        <source>or refer_instrumental is required for music-01</source>
        <translation>或 refer_instrumental：music-01 需要其中之一</translation>
    </message>
    <message>
        <source>is required for {model} unless is_instrumental or lyrics_optimizer is set</source>
        <translation>对 {model} 为必填项，除非设置了 is_instrumental 或 lyrics_optimizer</translation>
    </message>
    <message>
        <source>is required to edit lyrics</source>
        <translation>编辑歌词时为必填项</translation>
    </message>
    <message>
        <source>is only used in edit mode</source>
        <translation>仅在编辑模式下使用</translation>
    </message>
    <message>
        <source>MiniMax sent an image that isn&apos;t valid base64. Try again; if it keeps happening the API may have changed.</source>
        <translation>MiniMax 返回的图像不是有效的 base64。请重试；如果一直出现，可能是 API 已更改。</translation>
    </message>
    <message>
        <source>music audio</source>
        <translation>音乐音频</translation>
    </message>
</context>
</TS>
