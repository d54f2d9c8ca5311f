<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source>No secure keychain on this system: the key is kept for this session only.</source>
        <translation>此系统没有安全的钥匙串：API 密钥只在本次会话中保留。</translation>
    </message>
    <message>
        <source>Stored in your system keychain.</source>
        <translation>已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Global (api.minimax.io)</source>
        <translation>国际站（api.minimax.io）</translation>
    </message>
    <message>
        <source>Mainland China (api.minimaxi.com)</source>
        <translation>中国大陆（api.minimaxi.com）</translation>
    </message>
    <message>
        <source>Welcome to {app}</source>
        <translation>欢迎使用 {app}</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Voices, speech, images, video and music with MiniMax. How do you want to start?</source>
        <translation>使用 MiniMax 制作音色、语音、图像、视频和音乐。想如何开始？</translation>
    </message>
    <message>
        <source>&amp;Enter API key</source>
        <translation>输入 API 密钥(&amp;E)</translation>
    </message>
    <message>
        <source>Use your MiniMax account. Generations are billed to it.</source>
        <translation>使用你的 MiniMax 账户，生成费用计入该账户。</translation>
    </message>
    <message>
        <source>&amp;Try the demo</source>
        <translation>试用演示模式(&amp;T)</translation>
    </message>
    <message>
        <source>A built-in emulator on this computer: everything works, nothing is sent or billed.</source>
        <translation>在本机运行的内置模拟器：所有功能都可用，不发送任何内容，也不计费。</translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation>移除已保存的密钥(&amp;R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>You are in demo mode: a built-in emulator, nothing is billed. MINIMAX_API_KEY is set; the key from it is used.</source>
        <translation>当前为演示模式：使用内置模拟器，不计费。已设置 MINIMAX_API_KEY，将使用其中的密钥。</translation>
    </message>
    <message>
        <source>You are in demo mode: a built-in emulator, nothing is billed.</source>
        <translation>当前为演示模式：使用内置模拟器，不计费。</translation>
    </message>
    <message>
        <source>an unknown region</source>
        <translation>未知区域</translation>
    </message>
    <message>
        <source>Connected to MiniMax ({region}) with the key from MINIMAX_API_KEY.</source>
        <translation>已使用 MINIMAX_API_KEY 中的密钥连接到 MiniMax（{region}）。</translation>
    </message>
    <message>
        <source>Connected to MiniMax ({region}) with the key in your system keychain.</source>
        <translation>已使用系统钥匙串中的密钥连接到 MiniMax（{region}）。</translation>
    </message>
    <message>
        <source>Connected to MiniMax ({region}) with a key kept for this session only.</source>
        <translation>已使用仅在本次会话中保留的密钥连接到 MiniMax（{region}）。</translation>
    </message>
    <message>
        <source>Connected to MiniMax ({region}) with your key.</source>
        <translation>已使用你的密钥连接到 MiniMax（{region}）。</translation>
    </message>
    <message>
        <source>MINIMAX_API_KEY is set; the key from it is used.</source>
        <translation>已设置 MINIMAX_API_KEY，将使用其中的密钥。</translation>
    </message>
    <message>
        <source>&amp;Change API key</source>
        <translation>更换 API 密钥(&amp;C)</translation>
    </message>
    <message>
        <source>Use a different key; the current one stays until the new one works.</source>
        <translation>使用另一个密钥；新密钥验证通过前，仍使用当前密钥。</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>正在启动演示模式…</translation>
    </message>
    <message>
        <source>The stored key was removed.</source>
        <translation>已移除保存的密钥。</translation>
    </message>
    <message>
        <source>Enter your MiniMax API key</source>
        <translation>输入你的 MiniMax API 密钥</translation>
    </message>
    <message>
        <source>Create one on platform.minimax.io (global) or platform.minimaxi.com (mainland China), under API Keys.</source>
        <translation>可在 platform.minimax.io（国际站）或 platform.minimaxi.com（中国大陆）的“API Keys”页面创建。</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API 密钥(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>区域(&amp;R)</translation>
    </message>
    <message>
        <source>Suggested because the system language is Chinese.</source>
        <translation>系统语言为中文，因此推荐此区域。</translation>
    </message>
    <message>
        <source>Checking the key</source>
        <translation>正在验证密钥</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>The key will be stored in your system keychain, never in a settings file.</source>
        <translation>密钥将保存在系统钥匙串中，绝不会写入设置文件。</translation>
    </message>
    <message>
        <source>No secure keychain on this system: the key is kept for this session only. You will be asked for it again next time.</source>
        <translation>此系统没有安全的钥匙串：API 密钥只在本次会话中保留。下次启动时需要重新输入。</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>隐藏(&amp;H)</translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation>隐藏密钥</translation>
    </message>
    <message>
        <source>Checking the key with api.minimax.io and api.minimaxi.com…</source>
        <translation>正在通过 api.minimax.io 和 api.minimaxi.com 验证密钥…</translation>
    </message>
    <message>
        <source>Checking the key with the {region} host…</source>
        <translation>正在通过{region}服务器验证密钥…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>Connected to MiniMax ({region})</source>
        <translation>已连接到 MiniMax（{region}）</translation>
    </message>
    <message>
        <source>custom host</source>
        <translation>自定义服务器</translation>
    </message>
    <message>
        <source>Change or remove the key any time in File → Account…</source>
        <translation>随时可在“文件 → 账户…”中更换或移除密钥。</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
</context>
</TS>
