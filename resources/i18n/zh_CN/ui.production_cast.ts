<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SpeakerEditor</name>
    <message>
        <source>(production default)</source>
        <translation>（制作项目默认）</translation>
    </message>
    <message>
        <source>Pitc&amp;h</source>
        <translation>音高(&amp;H)</translation>
    </message>
    <message>
        <source>Deepen</source>
        <translation>更低沉</translation>
    </message>
    <message>
        <source>Brighten</source>
        <translation>更明亮</translation>
    </message>
    <message>
        <source>&amp;Intensity</source>
        <translation>强度(&amp;I)</translation>
    </message>
    <message>
        <source>Stronger</source>
        <translation>更有力</translation>
    </message>
    <message>
        <source>Softer</source>
        <translation>更轻柔</translation>
    </message>
    <message>
        <source>Tim&amp;bre</source>
        <translation>音色(&amp;B)</translation>
    </message>
    <message>
        <source>Nasal</source>
        <translation>更浑厚</translation>
    </message>
    <message>
        <source>Crisp</source>
        <translation>更清脆</translation>
    </message>
    <message>
        <source>Spacious echo</source>
        <translation>空旷回音</translation>
    </message>
    <message>
        <source>Auditorium echo</source>
        <translation>礼堂广播</translation>
    </message>
    <message>
        <source>Lo-fi telephone</source>
        <translation>电话失真</translation>
    </message>
    <message>
        <source>Robotic</source>
        <translation>电音</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>高兴</translation>
    </message>
    <message>
        <source>Sad</source>
        <translation>悲伤</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <source>Fearful</source>
        <translation>害怕</translation>
    </message>
    <message>
        <source>Disgusted</source>
        <translation>厌恶</translation>
    </message>
    <message>
        <source>Surprised</source>
        <translation>惊讶</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Fluent</source>
        <translation>生动</translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation>低语</translation>
    </message>
    <message>
        <source>Type any part of a voice&apos;s name or id to filter the voices</source>
        <translation>输入音色名称或 ID 的任意部分即可筛选音色</translation>
    </message>
    <message>
        <source>Only the emotions the model takes are offered; (none): the production&apos;s, or the model picks one</source>
        <translation>只提供该模型支持的情绪；（无）：使用制作项目的设置，或由模型自行选择</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Language boost: helps with a language or dialect</source>
        <translation>语言增强：提升对某种语言或方言的效果</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>语调</translation>
    </message>
    <message>
        <source> st</source>
        <comment>semitones: the pitch&apos;s unit</comment>
        <translation> 半音</translation>
    </message>
    <message>
        <source>None</source>
        <comment>no sound effect</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>A sound effect; the voice effects are the production&apos;s until you change one</source>
        <translation>音效；在你修改之前，声音效果使用制作项目的设置</translation>
    </message>
    <message>
        <source>“{default}”: the production&apos;s value, until you move it. Double-click to reset</source>
        <translation>“{default}”：在你移动滑块之前使用制作项目的值。双击可重置</translation>
    </message>
    <message>
        <source>Au&amp;dition</source>
        <translation>试听(&amp;D)</translation>
    </message>
    <message>
        <source>Hear the selected line with these settings</source>
        <translation>用这些设置试听所选行</translation>
    </message>
    <message>
        <source>&amp;Voice</source>
        <translation>音色(&amp;V)</translation>
    </message>
    <message>
        <source>M&amp;odel</source>
        <translation>模型(&amp;O)</translation>
    </message>
    <message>
        <source>E&amp;motion</source>
        <translation>情绪(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言增强(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Speed</source>
        <translation>语速(&amp;S)</translation>
    </message>
    <message>
        <source>Vol&amp;ume</source>
        <translation>音量(&amp;U)</translation>
    </message>
    <message>
        <source>Pi&amp;tch</source>
        <translation>语调(&amp;T)</translation>
    </message>
    <message>
        <source>Voice effects</source>
        <translation>声音效果</translation>
    </message>
    <message>
        <source>{effect}: {left} (−100) to {right} (+100); “{default}”: the production&apos;s, until you move it. Double-click to reset</source>
        <translation>{effect}：{left}（−100）到{right}（+100）；“{default}”：在你移动滑块之前使用制作项目的值。双击可重置</translation>
    </message>
    <message>
        <source>Sou&amp;nd</source>
        <translation>音效(&amp;N)</translation>
    </message>
    <message>
        <source>Pronun&amp;ciations</source>
        <translation>发音(&amp;C)</translation>
    </message>
    <message>
        <source>default</source>
        <comment>a slider&apos;s value while the speaker inherits it from the production</comment>
        <translation>默认</translation>
    </message>
    <message>
        <source>Mix: {voices}</source>
        <translation>混合：{voices}</translation>
    </message>
    <message>
        <source>A timbre mix ({voices}), kept as it is (cast.json)</source>
        <translation>混合音色（{voices}），保持不变（cast.json）</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>no emotion</comment>
        <translation>（无）</translation>
    </message>
    <message>
        <source>the speaker</source>
        <comment>stands for a speaker&apos;s name in the controls&apos; names</comment>
        <translation>说话人</translation>
    </message>
    <message>
        <source>Settings of {speaker}</source>
        <translation>{speaker} 的设置</translation>
    </message>
    <message>
        <source>No speaker selected: pick one in the cast above to set their voice</source>
        <translation>未选择说话人：在上方的角色分配中选择一位，为其设置音色</translation>
    </message>
    <message>
        <source>Voice of {speaker}</source>
        <translation>{speaker} 的音色</translation>
    </message>
    <message>
        <source>Model of {speaker}</source>
        <translation>{speaker} 的模型</translation>
    </message>
    <message>
        <source>Emotion of {speaker}</source>
        <translation>{speaker} 的情绪</translation>
    </message>
    <message>
        <source>Language boost of {speaker}</source>
        <translation>{speaker} 的语言增强</translation>
    </message>
    <message>
        <source>Speed of {speaker}</source>
        <translation>{speaker} 的语速</translation>
    </message>
    <message>
        <source>Volume of {speaker}</source>
        <translation>{speaker} 的音量</translation>
    </message>
    <message>
        <source>Pitch in semitones of {speaker}</source>
        <translation>{speaker} 的语调（半音）</translation>
    </message>
    <message>
        <source>Sound effect of {speaker}</source>
        <translation>{speaker} 的音效</translation>
    </message>
    <message>
        <source>Pronunciations of {speaker}</source>
        <translation>{speaker} 的发音</translation>
    </message>
    <message>
        <source>Add a pronunciation for {speaker}</source>
        <translation>为 {speaker} 添加发音</translation>
    </message>
    <message>
        <source>Remove the selected pronunciation of {speaker}</source>
        <translation>移除 {speaker} 的所选发音</translation>
    </message>
    <message>
        <source>Audition {speaker}: hear the selected line with these settings</source>
        <translation>试听 {speaker}：用这些设置试听所选行</translation>
    </message>
    <message>
        <source>Voice effect {effect} of {speaker}</source>
        <translation>{speaker} 的声音效果：{effect}</translation>
    </message>
    <message>
        <source>Emotion {rule}</source>
        <translation>情绪：{rule}</translation>
    </message>
</context>
</TS>
