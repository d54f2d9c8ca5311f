<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MusicPanel</name>
    <message>
        <source>Intro</source>
        <translation>前奏</translation>
    </message>
    <message>
        <source>Verse</source>
        <translation>主歌</translation>
    </message>
    <message>
        <source>Pre Chorus</source>
        <translation>预副歌</translation>
    </message>
    <message>
        <source>Chorus</source>
        <translation>副歌</translation>
    </message>
    <message>
        <source>Post Chorus</source>
        <translation>后副歌</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>桥段</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>记忆点</translation>
    </message>
    <message>
        <source>Build Up</source>
        <translation>铺垫</translation>
    </message>
    <message>
        <source>Interlude</source>
        <translation>间奏</translation>
    </message>
    <message>
        <source>Transition</source>
        <translation>过渡</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>间歇</translation>
    </message>
    <message>
        <source>Inst</source>
        <translation>器乐段</translation>
    </message>
    <message>
        <source>Solo</source>
        <translation>独奏</translation>
    </message>
    <message>
        <source>Outro</source>
        <translation>尾奏</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n 个段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Save song</source>
        <translation>保存歌曲</translation>
    </message>
    <message>
        <source>Style, mood and scene: warm lo-fi piano, rainy evening, soft female vocal</source>
        <translation>风格、情绪和场景：温暖的 Lo-Fi 钢琴，雨夜，轻柔女声</translation>
    </message>
    <message>
        <source>Style prompt</source>
        <translation>风格提示词</translation>
    </message>
    <message>
        <source>[Verse]
First line of the song

[Chorus]
…</source>
        <translation>[Verse]
歌曲的第一句

[Chorus]
…</translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation>歌词</translation>
    </message>
    <message>
        <source>Insert s&amp;ection</source>
        <translation>插入段落(&amp;E)</translation>
    </message>
    <message>
        <source>Insert a section tag such as [Verse] or [Chorus] on its own line</source>
        <translation>单独一行插入 [Verse]、[Chorus] 等段落标签</translation>
    </message>
    <message>
        <source>&amp;Write lyrics</source>
        <translation>写歌词(&amp;W)</translation>
    </message>
    <message>
        <source>MiniMax writes section-tagged lyrics from the prompt (or extends yours)</source>
        <translation>MiniMax 根据提示词写出带段落标签的歌词（或续写你的歌词）</translation>
    </message>
    <message>
        <source>&amp;Instrumental (no vocals)</source>
        <translation>纯音乐（无人声）(&amp;I)</translation>
    </message>
    <message>
        <source>Let MiniMax write the lyrics while c&amp;omposing</source>
        <translation>作曲时由 MiniMax 写歌词(&amp;O)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>MP3 (plays as it streams)</source>
        <translation>MP3（边生成边播放）</translation>
    </message>
    <message>
        <source>PCM (raw)</source>
        <translation>PCM（原始）</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>采样率</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>码率</translation>
    </message>
    <message>
        <source>&amp;Reference ({model})</source>
        <translation>参考音频（{model}）(&amp;R)</translation>
    </message>
    <message>
        <source>What the reference is for</source>
        <translation>参考音频的用途</translation>
    </message>
    <message>
        <source>Whole song (voice + backing)</source>
        <translation>整首歌（人声 + 伴奏）</translation>
    </message>
    <message>
        <source>Voice only</source>
        <translation>仅人声</translation>
    </message>
    <message>
        <source>Backing only</source>
        <translation>仅伴奏</translation>
    </message>
    <message>
        <source>&amp;Upload reference…</source>
        <translation>上传参考音频(&amp;U)…</translation>
    </message>
    <message>
        <source>{model} sings over a reference you upload</source>
        <translation>{model} 根据你上传的参考音频演唱</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Audio</source>
        <translation>音频(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Generate song</source>
        <translation>生成歌曲(&amp;G)</translation>
    </message>
    <message>
        <source>■  S&amp;top</source>
        <translation>■  停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the sound (a song being made keeps being saved)</source>
        <translation>停止播放（正在生成的歌曲会继续保存）</translation>
    </message>
    <message>
        <source>&amp;Style prompt</source>
        <translation>风格提示词(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lyrics</source>
        <translation>歌词(&amp;L)</translation>
    </message>
    <message>
        <source>▶  &amp;Play</source>
        <translation>▶  播放(&amp;P)</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>保存(&amp;V)…</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>歌曲</translation>
    </message>
    <message>
        <source>No songs yet</source>
        <translation>还没有歌曲</translation>
    </message>
    <message>
        <source>Describe the style, add lyrics (or pick Instrumental) and press Generate song: your songs appear here.</source>
        <translation>描述风格，写上歌词（或选择纯音乐），然后点击“生成歌曲”：歌曲会显示在这里。</translation>
    </message>
    <message>
        <source>Write a prompt</source>
        <translation>写提示词</translation>
    </message>
    <message>
        <source>So&amp;ngs</source>
        <translation>歌曲(&amp;N)</translation>
    </message>
    <message>
        <source>Too long: shorten the highlighted text.</source>
        <translation>超出字数上限：请缩短计数显示为红色的文本。</translation>
    </message>
    <message>
        <source>Composing… it plays as it arrives</source>
        <translation>正在作曲…边生成边播放</translation>
    </message>
    <message>
        <source>Composing… (takes a minute)</source>
        <translation>正在作曲…（约需一分钟）</translation>
    </message>
    <message>
        <source>{model} · composing</source>
        <translation>{model} · 作曲中</translation>
    </message>
    <message>
        <source>Playing as it arrives · {size} KB</source>
        <translation>边生成边播放 · {size} KB</translation>
    </message>
    <message>
        <source>Saved to the Library · {duration}</source>
        <translation>已保存到媒体库 · {duration}</translation>
    </message>
    <message>
        <source>Song ready: {title}</source>
        <translation>歌曲已就绪：{title}</translation>
    </message>
    <message>
        <source>Describe the song in the style prompt first: the lyrics are written from it.</source>
        <translation>请先在风格提示词中描述歌曲：歌词会据此写出。</translation>
    </message>
    <message>
        <source>Writing lyrics…</source>
        <translation>正在写歌词…</translation>
    </message>
    <message>
        <source>Adding to your lyrics…</source>
        <translation>正在续写你的歌词…</translation>
    </message>
    <message>
        <source>Lyrics written: “{title}”. Edit them as you like.</source>
        <translation>歌词已写好：“{title}”。可随意修改。</translation>
    </message>
    <message>
        <source>Lyrics written. Edit them as you like.</source>
        <translation>歌词已写好。可随意修改。</translation>
    </message>
    <message>
        <source>Uploading {file}…</source>
        <translation>正在上传 {file}…</translation>
    </message>
    <message>
        <source>{file} uploaded · {model} will use its voice, backing</source>
        <translation>{file} 已上传 · {model} 将使用其人声和伴奏</translation>
    </message>
    <message>
        <source>{file} uploaded · {model} will use its voice</source>
        <translation>{file} 已上传 · {model} 将使用其人声</translation>
    </message>
    <message>
        <source>{file} uploaded · {model} will use its backing</source>
        <translation>{file} 已上传 · {model} 将使用其伴奏</translation>
    </message>
    <message>
        <source>{file} uploaded</source>
        <translation>{file} 已上传</translation>
    </message>
    <message>
        <source>{file} was not uploaded</source>
        <translation>{file} 未上传</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>■  Stop</source>
        <translation>■  停止</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Composing…</source>
        <translation>正在作曲…</translation>
    </message>
    <message>
        <source>Choose a reference song</source>
        <translation>选择参考歌曲</translation>
    </message>
    <message>
        <source>Audio (*.mp3 *.wav *.m4a *.flac);;All files (*)</source>
        <translation>音频 (*.mp3 *.wav *.m4a *.flac);;所有文件 (*)</translation>
    </message>
</context>
</TS>
