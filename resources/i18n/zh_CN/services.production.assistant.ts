<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionAssistant</name>
    <message>
        <source>{file} is not UTF-8 text: save it as text, or paste it</source>
        <translation>{file} 不是 UTF-8 文本：请另存为文本，或直接粘贴</translation>
    </message>
    <message>
        <source>can&apos;t read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>the draft template</source>
        <translation>起草模板</translation>
    </message>
    <message>
        <source>the prepare template</source>
        <translation>朗读前优化模板</translation>
    </message>
    <message>
        <source>{template} has a stray brace ({problem}): write {{{{ and }}}} for braces</source>
        <translation>{template}中有多余的花括号（{problem}）：花括号请写成 {{{{ 和 }}}}</translation>
    </message>
    <message>
        <source>{template} uses {unknown}: its fields are {fields}</source>
        <translation>{template}使用了 {unknown}：可用的字段为 {fields}</translation>
    </message>
    <message>
        <source>{what} is about {prompt:,} tokens and its answer up to {answer:,}: {model} reads at most {context:,} tokens in all; shorten it or choose {roomy}</source>
        <translation>{what}约 {prompt:,} 个 Token，回答最多 {answer:,} 个：{model} 总共最多读取 {context:,} 个 Token；请缩短，或选择 {roomy}</translation>
    </message>
    <message>
        <source>{what} is about {prompt:,} tokens and its answer up to {answer:,}: {model} reads at most {context:,} tokens in all; shorten it</source>
        <translation>{what}约 {prompt:,} 个 Token，回答最多 {answer:,} 个：{model} 总共最多读取 {context:,} 个 Token；请缩短</translation>
    </message>
    <message>
        <source>a script needs at least one speaker (got 0)</source>
        <translation>脚本至少需要一个说话人（当前为 0）</translation>
    </message>
    <message>
        <source>at most {most} speakers (got {count})</source>
        <translation>最多 {most} 个说话人（当前为 {count}）</translation>
    </message>
    <message>
        <source>name the speakers (HOST,GUEST) or give how many (2)</source>
        <translation>请写出说话人（HOST,GUEST）或给出人数（2）</translation>
    </message>
    <message>
        <source>{name} can&apos;t be a speaker in script.md: capitals, digits and . &apos; - only, at most 40 characters (HOST, DR. LEE)</source>
        <translation>{name} 不能作为 script.md 中的说话人：只能使用大写字母、数字和 . &apos; -，最多 40 个字符（HOST、DR. LEE）</translation>
    </message>
    <message>
        <source>the source is empty: paste notes or an article, or choose a text file</source>
        <translation>素材为空：请粘贴笔记或文章，或选择一个文本文件</translation>
    </message>
    <message>
        <source>the form is one of {forms} (got {form})</source>
        <translation>形式须为 {forms} 之一（当前为 {form}）</translation>
    </message>
    <message>
        <source>the length is {low:,}–{high:,} words (got {words:,})</source>
        <translation>长度须为 {low:,}–{high:,} 词（当前为 {words:,}）</translation>
    </message>
    <message>
        <source>choose a text model</source>
        <translation>请选择一个文本模型</translation>
    </message>
    <message>
        <source>{model} writes at most {most:,} tokens in one answer: ask for at most {words:,} words</source>
        <translation>{model} 一次回答最多输出 {most:,} 个 Token：请最多要求 {words:,} 词</translation>
    </message>
    <message>
        <source>the source</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>the draft is not a script the studio can read ({problem}); edit it or draft again</source>
        <translation>起草的内容不是可读取的脚本（{problem}）；请编辑或重新起草</translation>
    </message>
    <message>
        <source>the draft has no lines for the speakers asked for: edit it or draft again</source>
        <translation>起草的内容中没有所要求说话人的行：请编辑或重新起草</translation>
    </message>
    <message>
        <source>the draft adds speakers not asked for: {speakers}</source>
        <translation>起草的内容添加了未要求的说话人：{speakers}</translation>
    </message>
    <message>
        <source>some paragraphs have no speaker: they are the narrator&apos;s</source>
        <translation>部分段落没有说话人：归为旁白</translation>
    </message>
    <message>
        <source>the draft stopped part-way: {problem}</source>
        <translation>起草中途停止：{problem}</translation>
    </message>
    <message>
        <source>choose the lines to prepare (none are selected)</source>
        <translation>请选择要进行朗读前优化的行（当前未选中任何行）</translation>
    </message>
    <message>
        <source>the lines</source>
        <translation>这些行</translation>
    </message>
    <message>
        <source>the answer is not the JSON the prepare template asks for: try again, or check the template</source>
        <translation>回答不是朗读前优化模板要求的 JSON：请重试，或检查模板</translation>
    </message>
    <message>
        <source>line {number}: {model} has no emotion {emotion}</source>
        <translation>第 {number} 行：{model} 没有情绪 {emotion}</translation>
    </message>
    <message>
        <source>line {number}: a pause of {pause} s is outside 0–{most:g} s</source>
        <translation>第 {number} 行：{pause} 秒的停顿超出 0–{most:g} 秒</translation>
    </message>
    <message>
        <source>lines {first}–{last}</source>
        <translation>第 {first}–{last} 行</translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <source>the answer reached its token limit and was cut</source>
        <translation>回答达到 Token 上限而被截断</translation>
    </message>
    <message>
        <source>{span}: {why}; prepare them again</source>
        <translation>{span}：{why}；请重新进行朗读前优化</translation>
    </message>
    <message>
        <source>the batch {batch} ended {status} with nothing answered: ask again</source>
        <translation>批处理 {batch} 以 {status} 状态结束，没有任何回答：请重新请求</translation>
    </message>
    <message>
        <source>lines {first}–{last}: the batch could not answer them ({problem}); prepare them again</source>
        <translation>第 {first}–{last} 行：批处理无法回答（{problem}）；请重新进行朗读前优化</translation>
    </message>
    <message>
        <source>lines {first}–{last}: the batch ended {status} before answering them; prepare them again</source>
        <translation>第 {first}–{last} 行：批处理在回答前以 {status} 状态结束；请重新进行朗读前优化</translation>
    </message>
    <message>
        <source>an accepted line would read back from script.md as other lines (it looks like a heading or a SPEAKER: line): edit it by hand</source>
        <translation>接受的某一行从 script.md 读回时会变成其他行（它看起来像标题或 SPEAKER: 行）：请手动编辑</translation>
    </message>
    <message>
        <source>an accepted line can&apos;t be written to script.md: {rule}</source>
        <translation>接受的某一行无法写入 script.md：{rule}</translation>
    </message>
</context>
</TS>
