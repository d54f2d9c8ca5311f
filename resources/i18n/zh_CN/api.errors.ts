<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MiniMaxErrors</name>
    <message>
        <source>{field} {rule}</source>
        <translation>{field} {rule}</translation>
    </message>
    <message>
        <source>Can&apos;t reach {where}: {why}.</source>
        <translation>无法连接 {where}：{why}。</translation>
    </message>
    <message>
        <source>no answer within {seconds:g} s (check your network or proxy)</source>
        <translation>{seconds:g} 秒内没有响应（请检查网络或代理）</translation>
    </message>
    <message>
        <source>the name doesn&apos;t resolve (check the address or your network)</source>
        <translation>无法解析域名（请检查地址或网络）</translation>
    </message>
    <message>
        <source>nothing accepts connections there (is the server running? check the address)</source>
        <translation>该地址没有服务接受连接（服务器是否在运行？请检查地址）</translation>
    </message>
    <message>
        <source>its certificate can&apos;t be verified (check the address, or a proxy that intercepts HTTPS)</source>
        <translation>无法验证其证书（请检查地址，或是否有代理拦截 HTTPS）</translation>
    </message>
    <message>
        <source>the secure connection failed (check the address, or a proxy that intercepts HTTPS)</source>
        <translation>安全连接失败（请检查地址，或是否有代理拦截 HTTPS）</translation>
    </message>
    <message>
        <source>the connection was reset (check your network or proxy)</source>
        <translation>连接被重置（请检查网络或代理）</translation>
    </message>
    <message>
        <source>{reason} (check your network and the API host)</source>
        <translation>{reason}（请检查网络和 API 地址）</translation>
    </message>
    <message>
        <source>The stream stalled: MiniMax sent nothing for {seconds:g} s after {received:,} bytes of audio.</source>
        <translation>流式传输中断：MiniMax 在发送 {received:,} 字节音频后 {seconds:g} 秒内没有再发送数据。</translation>
    </message>
    <message>
        <source>MiniMax accepted the request but sent nothing for {seconds:g} s.</source>
        <translation>MiniMax 已接受请求，但 {seconds:g} 秒内没有返回任何数据。</translation>
    </message>
    <message>
        <source>MiniMax closed the stream after {received:,} bytes of audio, before the end.</source>
        <translation>MiniMax 在发送 {received:,} 字节音频后、结束前关闭了流。</translation>
    </message>
    <message>
        <source>MiniMax answered, then closed the stream before any audio arrived. Try again.</source>
        <translation>MiniMax 已响应，但在收到任何音频前关闭了流。请重试。</translation>
    </message>
    <message>
        <source>Keys only work on their own region&apos;s host: global {global_host}, mainland China {mainland_host}. Check the key and region in Account settings.</source>
        <translation>API 密钥只能在所属区域的地址使用：国际站 {global_host}，中国大陆 {mainland_host}。请在账户设置中检查 API 密钥和区域。</translation>
    </message>
    <message>
        <source>24 h for images, speech and music, 9 h for files and videos</source>
        <translation>图像、语音和音乐为 24 小时，文件和视频为 9 小时</translation>
    </message>
    <message>
        <source>The download link for {what} expired at {expires}: MiniMax&apos;s result links are signed and last a limited time ({lifetimes}), so they must be downloaded while valid.</source>
        <translation>{what} 的下载链接已于 {expires} 过期：MiniMax 的结果链接带有签名且有效期有限（{lifetimes}），须在有效期内下载。</translation>
    </message>
    <message>
        <source>The download link for {what} expired: MiniMax&apos;s result links are signed and last a limited time ({lifetimes}), so they must be downloaded while valid.</source>
        <translation>{what} 的下载链接已过期：MiniMax 的结果链接带有签名且有效期有限（{lifetimes}），须在有效期内下载。</translation>
    </message>
    <message>
        <source>MiniMax&apos;s storage refused the download link for {what} ({detail}). The link is used as MiniMax gave it; ask for the result again.</source>
        <translation>MiniMax 的存储拒绝了 {what} 的下载链接（{detail}）。该链接按 MiniMax 返回的原样使用；请重新获取结果。</translation>
    </message>
    <message>
        <source>Wait a little and try again.</source>
        <translation>请稍候再试。</translation>
    </message>
    <message>
        <source>Wait {seconds} s and try again.</source>
        <translation>请等待 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>MiniMax had an unknown error</source>
        <translation>MiniMax 发生未知错误</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>请稍后重试。</translation>
    </message>
    <message>
        <source>MiniMax timed out</source>
        <translation>MiniMax 超时</translation>
    </message>
    <message>
        <source>Too many requests per minute</source>
        <translation>每分钟请求数过多</translation>
    </message>
    <message>
        <source>The API key was rejected</source>
        <translation>API 密钥被拒绝</translation>
    </message>
    <message>
        <source>The account balance is too low</source>
        <translation>账户余额不足</translation>
    </message>
    <message>
        <source>Top up your balance on the MiniMax platform.</source>
        <translation>请在 MiniMax 开放平台充值。</translation>
    </message>
    <message>
        <source>MiniMax had an internal service error</source>
        <translation>MiniMax 内部服务错误</translation>
    </message>
    <message>
        <source>MiniMax had an internal error</source>
        <translation>MiniMax 内部错误</translation>
    </message>
    <message>
        <source>The input was flagged as sensitive content</source>
        <translation>输入内容被判定为敏感内容</translation>
    </message>
    <message>
        <source>Rephrase the text or prompt.</source>
        <translation>请修改文本或提示词的措辞。</translation>
    </message>
    <message>
        <source>The generated output was flagged as sensitive content</source>
        <translation>生成的内容被判定为敏感内容</translation>
    </message>
    <message>
        <source>Rephrase the text or prompt and try again.</source>
        <translation>请修改文本或提示词的措辞后重试。</translation>
    </message>
    <message>
        <source>The Token Plan quota is used up</source>
        <translation>Token Plan 额度已用完</translation>
    </message>
    <message>
        <source>Wait for the quota to reset or use a pay-as-you-go key.</source>
        <translation>请等待额度重置，或使用按量付费的 API 密钥。</translation>
    </message>
    <message>
        <source>MiniMax had a system error</source>
        <translation>MiniMax 系统错误</translation>
    </message>
    <message>
        <source>Too many tokens per minute</source>
        <translation>每分钟 Token 数过多</translation>
    </message>
    <message>
        <source>Too many connections at once</source>
        <translation>同时连接数过多</translation>
    </message>
    <message>
        <source>Wait for other requests to finish, then try again with fewer running at the same time.</source>
        <translation>请等其他请求完成后，减少同时进行的请求数再重试。</translation>
    </message>
    <message>
        <source>More than 10% of the text is invisible or illegal characters</source>
        <translation>文本中超过 10% 为不可见字符或非法字符</translation>
    </message>
    <message>
        <source>Remove control and invisible characters from the text.</source>
        <translation>请删除文本中的控制字符和不可见字符。</translation>
    </message>
    <message>
        <source>The clone audio didn&apos;t match the validation text</source>
        <translation>复刻音频与校验文本不一致</translation>
    </message>
    <message>
        <source>Make the validation text an exact transcript of the audio, or lower the accuracy threshold.</source>
        <translation>请让校验文本与音频内容逐字一致，或调低准确度阈值。</translation>
    </message>
    <message>
        <source>The clone prompt audio didn&apos;t match its prompt text</source>
        <translation>复刻示例音频与其示例文本不一致</translation>
    </message>
    <message>
        <source>Make the prompt text an exact transcript of the prompt audio.</source>
        <translation>请让示例文本与示例音频内容逐字一致。</translation>
    </message>
    <message>
        <source>MiniMax refused the request parameters</source>
        <translation>MiniMax 拒绝了请求参数</translation>
    </message>
    <message>
        <source>Check the settings and try again.</source>
        <translation>请检查设置后重试。</translation>
    </message>
    <message>
        <source>The samples or voice_id are invalid</source>
        <translation>样本或 voice_id 无效</translation>
    </message>
    <message>
        <source>Check that the voice exists and the uploaded files are the right ones.</source>
        <translation>请确认音色存在，且上传的文件正确。</translation>
    </message>
    <message>
        <source>The clone audio is too short or too long</source>
        <translation>复刻音频过短或过长</translation>
    </message>
    <message>
        <source>Use a recording between 10 seconds and 5 minutes long.</source>
        <translation>请使用时长在 10 秒到 5 分钟之间的录音。</translation>
    </message>
    <message>
        <source>This account may not clone voices yet</source>
        <translation>此账户暂不能复刻音色</translation>
    </message>
    <message>
        <source>Complete the account (real-name) verification on the MiniMax platform.</source>
        <translation>请在 MiniMax 开放平台完成账户实名认证。</translation>
    </message>
    <message>
        <source>This voice_id is already used</source>
        <translation>此 voice_id 已被使用</translation>
    </message>
    <message>
        <source>Pick another voice_id; deleted ids can&apos;t be reused either.</source>
        <translation>请换一个 voice_id；已删除的 ID 也不能再次使用。</translation>
    </message>
    <message>
        <source>This account has no access to this voice</source>
        <translation>此账户无权使用该音色</translation>
    </message>
    <message>
        <source>Pick a voice from your own voice list.</source>
        <translation>请从你自己的音色列表中选择音色。</translation>
    </message>
    <message>
        <source>Request volume grew too fast</source>
        <translation>请求量增长过快</translation>
    </message>
    <message>
        <source>Slow down and increase the request rate gradually.</source>
        <translation>请放慢速度，逐步提高请求频率。</translation>
    </message>
    <message>
        <source>The prompt audio is too long</source>
        <translation>示例音频过长</translation>
    </message>
    <message>
        <source>Use prompt audio shorter than 8 seconds.</source>
        <translation>请使用短于 8 秒的示例音频。</translation>
    </message>
    <message>
        <source>The Token Plan usage limit is reached</source>
        <translation>已达到 Token Plan 用量上限</translation>
    </message>
    <message>
        <source>Wait for the usage window to reset or use a pay-as-you-go key.</source>
        <translation>请等待用量周期重置，或使用按量付费的 API 密钥。</translation>
    </message>
    <message>
        <source>This model isn&apos;t available on your Token Plan</source>
        <translation>你的 Token Plan 不包含此模型</translation>
    </message>
    <message>
        <source>Pick another model or use a pay-as-you-go key.</source>
        <translation>请选择其他模型，或使用按量付费的 API 密钥。</translation>
    </message>
    <message>
        <source> [trace {trace_id}]</source>
        <translation>（Trace ID：{trace_id}）</translation>
    </message>
    <message>
        <source>MiniMax returned an error</source>
        <translation>MiniMax 返回了错误</translation>
    </message>
    <message>
        <source>{what} ({detail}). {todo}{trace}</source>
        <translation>{what}（{detail}）。{todo}{trace}</translation>
    </message>
    <message>
        <source>The API key was rejected ({detail}). {advice}{trace}</source>
        <translation>API 密钥被拒绝（{detail}）。{advice}{trace}</translation>
    </message>
    <message>
        <source>MiniMax is limiting this account&apos;s requests ({detail}): each account may send only a set number of requests a minute (for example 60 for speech, 10 for images). {advice}{trace}</source>
        <translation>MiniMax 正在限制此账户的请求（{detail}）：每个账户每分钟只能发送一定数量的请求（例如语音合成 60 次，图像 10 次）。{advice}{trace}</translation>
    </message>
    <message>
        <source>MiniMax timed out ({detail}). This is on MiniMax&apos;s side: try again in a few minutes.{trace}</source>
        <translation>MiniMax 超时（{detail}）。这是 MiniMax 一方的问题：请几分钟后重试。{trace}</translation>
    </message>
    <message>
        <source>MiniMax&apos;s servers are having trouble ({detail}). This is on MiniMax&apos;s side, not your settings: try again in a few minutes.{trace}</source>
        <translation>MiniMax 的服务器出现故障（{detail}）。这是 MiniMax 一方的问题，与你的设置无关：请几分钟后重试。{trace}</translation>
    </message>
    <message>
        <source>MiniMax doesn&apos;t know this endpoint ({detail}). Check the API host in Account settings.{trace}</source>
        <translation>MiniMax 不认识此接口（{detail}）。请在账户设置中检查 API 地址。{trace}</translation>
    </message>
    <message>
        <source>MiniMax refused the request ({detail}). Check the settings and try again.{trace}</source>
        <translation>MiniMax 拒绝了请求（{detail}）。请检查设置后重试。{trace}</translation>
    </message>
</context>
</TS>
