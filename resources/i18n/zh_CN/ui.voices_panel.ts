<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>VoicesPanel</name>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Cloned</source>
        <translation>复刻</translation>
    </message>
    <message>
        <source>Designed</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女声</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男声</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <source>Young</source>
        <translation>青年</translation>
    </message>
    <message>
        <source>Middle-aged</source>
        <translation>中年</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>老年</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Audiobook</source>
        <translation>有声书</translation>
    </message>
    <message>
        <source>Podcast</source>
        <translation>播客</translation>
    </message>
    <message>
        <source>Conversational</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>沉稳</translation>
    </message>
    <message>
        <source>Energetic</source>
        <translation>活力</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>温暖</translation>
    </message>
    <message>
        <source>Powerful</source>
        <translation>有力</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Afrikaans</source>
        <translation>南非荷兰语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>保加利亚语</translation>
    </message>
    <message>
        <source>Cantonese</source>
        <translation>粤语</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>加泰罗尼亚语</translation>
    </message>
    <message>
        <source>Chinese (Mandarin)</source>
        <translation>中文（普通话）</translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation>克罗地亚语</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>捷克语</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>丹麦语</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>荷兰语</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Filipino</source>
        <translation>菲律宾语</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>芬兰语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊语</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>匈牙利语</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>印尼语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>马来语</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>挪威语</translation>
    </message>
    <message>
        <source>Nynorsk</source>
        <translation>新挪威语</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>波斯语</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>罗马尼亚语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Slovak</source>
        <translation>斯洛伐克语</translation>
    </message>
    <message>
        <source>Slovenian</source>
        <translation>斯洛文尼亚语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>瑞典语</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>泰米尔语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>乌克兰语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Not played: no audio output</source>
        <translation>未播放：没有音频输出</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>a cloned or designed voice that was deleted</comment>
        <translation>已过期</translation>
    </message>
    <message>
        <source>{hours} h left</source>
        <comment>hours until a voice is deleted</comment>
        <translation>剩余 {hours} 小时</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>{age} {gender}</source>
        <comment>a voice&apos;s age and gender: young female</comment>
        <translation>{age}{gender}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between a voice&apos;s styles: calm, warm</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Search voices by name, id, language, style…</source>
        <translation>按名称、ID、语言、风格搜索音色…</translation>
    </message>
    <message>
        <source>Search voices</source>
        <translation>搜索音色</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>不限性别</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>不限年龄</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Any style</source>
        <translation>不限风格</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Voice type</source>
        <translation>音色类型</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ 收藏</translation>
    </message>
    <message>
        <source>Favourites only</source>
        <translation>只看收藏</translation>
    </message>
    <message>
        <source>Show only favourite voices</source>
        <translation>只显示收藏的音色</translation>
    </message>
    <message>
        <source>Reload voices</source>
        <translation>重新加载音色</translation>
    </message>
    <message>
        <source>Reload the voices of your account</source>
        <translation>重新加载账户中的音色</translation>
    </message>
    <message>
        <source>Voices</source>
        <translation>音色</translation>
    </message>
    <message>
        <source>Clear the &amp;search</source>
        <translation>清除搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Audition</source>
        <translation>试听</translation>
    </message>
    <message>
        <source>Hear your sample line in this voice (Space)</source>
        <translation>用此音色朗读你的试听文本（空格键）</translation>
    </message>
    <message>
        <source>&amp;Use in Speech</source>
        <translation>在语音合成中使用(&amp;U)</translation>
    </message>
    <message>
        <source>Choose this voice in the Speech panel</source>
        <translation>在语音合成面板中选用此音色</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Favourites are listed with the ★ filter</source>
        <translation>用 ★ 筛选可列出收藏的音色</translation>
    </message>
    <message>
        <source>Your name for this voice</source>
        <translation>你给这个音色起的名字</translation>
    </message>
    <message>
        <source>Notes: where it works, settings you like…</source>
        <translation>备注：适用场景、喜欢的设置…</translation>
    </message>
    <message>
        <source>Local &amp;name</source>
        <translation>本地名称(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>本地名称</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Select a voice to see its details, audition it, or use it in Speech.</source>
        <translation>选择一个音色，查看详情、试听，或用于语音合成。</translation>
    </message>
    <message>
        <source>No voices match “{query}” with the filters {filters}</source>
        <translation>在筛选条件 {filters} 下，没有与“{query}”匹配的音色</translation>
    </message>
    <message>
        <source>No voices match “{query}”</source>
        <translation>没有与“{query}”匹配的音色</translation>
    </message>
    <message>
        <source>No voices with the filters {filters}</source>
        <translation>筛选条件 {filters} 下没有音色</translation>
    </message>
    <message>
        <source>No voices</source>
        <translation>没有音色</translation>
    </message>
    <message>
        <source>&amp;Clear the filters ({filters})</source>
        <translation>清除筛选条件（{filters}）(&amp;C)</translation>
    </message>
    <message>
        <source>Couldn&apos;t load the voices.
{error}</source>
        <translation>无法加载音色。
{error}</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>This account has no voices yet. Clone or design one in Voice Lab, or reload the list.</source>
        <translation>此账户还没有音色。可以在音色实验室中复刻或设计一个，或重新加载列表。</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>Loading voices…</source>
        <translation>正在加载音色…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln voice(s)</source>
        <translation>
            <numerusform>%Ln 个音色</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln voice(s)</source>
        <translation>
            <numerusform>{shown} / %Ln 个音色</numerusform>
        </translation>
    </message>
    <message>
        <source>{time_left} — deleted on {when} unless you use it in Speech</source>
        <translation>{time_left}——除非在语音合成中使用，否则将于 {when} 删除</translation>
    </message>
    <message>
        <source>Kept: used in Speech</source>
        <translation>已保留：已在语音合成中使用</translation>
    </message>
    <message>
        <source>★  Favou&amp;rite</source>
        <translation>★  收藏(&amp;R)</translation>
    </message>
    <message>
        <source>☆  Favou&amp;rite</source>
        <translation>☆  收藏(&amp;R)</translation>
    </message>
    <message>
        <source>■  Stop</source>
        <translation>■  停止</translation>
    </message>
    <message>
        <source>▶  Audition</source>
        <translation>▶  试听</translation>
    </message>
    <message>
        <source>Auditioning {voice}…</source>
        <translation>正在试听 {voice}…</translation>
    </message>
    <message>
        <source>Not played: {reason} Choose an output device in File → Settings…</source>
        <translation>未播放：{reason} 请在“文件 → 设置…”中选择输出设备。</translation>
    </message>
    <message>
        <source>Stop the audition</source>
        <translation>停止试听</translation>
    </message>
</context>
</TS>
