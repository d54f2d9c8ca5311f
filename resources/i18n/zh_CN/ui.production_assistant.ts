<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DraftDialog</name>
    <message>
        <source>Demo: written by the emulator&apos;s text engine (simple rules), not a MiniMax model</source>
        <translation>演示：由模拟器的文本引擎（简单规则）写成，并非 MiniMax 模型</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>A conversation between hosts who take turns and react to each other</source>
        <translation>主持人之间轮流发言、相互回应的对话</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>An interview: the first speaker asks, the others answer</source>
        <translation>访谈：第一位说话人提问，其他人回答</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Narration, the first speaker reading and the others voicing the characters&apos; lines</source>
        <translation>旁白：第一位说话人朗读，其他人为角色的台词配音</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <comment>two sentences one after the other</comment>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>{total} tokens ({prompt} in, {answer} out)</source>
        <translation>{total} Token（输入 {prompt}，输出 {answer}）</translation>
    </message>
    <message>
        <source>{total} tokens</source>
        <translation>{total} Token</translation>
    </message>
    <message>
        <source>{file} is not a text file: drop or choose a .txt or .md file (or paste the text)</source>
        <translation>{file} 不是文本文件：请拖入或选择 .txt 或 .md 文件（或直接粘贴文本）</translation>
    </message>
    <message>
        <source>Draft a script</source>
        <translation>起草脚本</translation>
    </message>
    <message>
        <source>C&amp;hoose a file…</source>
        <translation>选择文件(&amp;H)…</translation>
    </message>
    <message>
        <source>Read a .txt or .md file into the box (or drop one on it)</source>
        <translation>把 .txt 或 .md 文件读入框中（也可直接拖入）</translation>
    </message>
    <message>
        <source>Draft prompt template</source>
        <translation>起草提示词模板</translation>
    </message>
    <message>
        <source>The system prompt sent before the source. {fields} are filled in; write {open} and {close} for a brace.</source>
        <translation>在素材之前发送的系统提示词。{fields} 会被填入；要写花括号本身，请写 {open} 和 {close}。</translation>
    </message>
    <message>
        <source>Reset to de&amp;fault</source>
        <translation>恢复默认(&amp;F)</translation>
    </message>
    <message>
        <source>The built-in prompt (saved only when you save it)</source>
        <translation>内置提示词（保存后才会生效为默认）</translation>
    </message>
    <message>
        <source>Save as m&amp;y default</source>
        <translation>存为我的默认(&amp;Y)</translation>
    </message>
    <message>
        <source>Use this prompt for every draft from now on, here and in {command}</source>
        <translation>今后每次起草都使用此提示词，包括此处和 {command}</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>素材(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>提示词(&amp;P)</translation>
    </message>
    <message>
        <source>Source and prompt</source>
        <translation>素材和提示词</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>How many (2: HOST and GUEST) or their names, with commas (ANNA, BEN)</source>
        <translation>人数（2：HOST 和 GUEST）或名字，用逗号分隔（ANNA, BEN）</translation>
    </message>
    <message>
        <source>2, or HOST, GUEST</source>
        <translation>2，或 HOST, GUEST</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Target length in words</source>
        <translation>目标长度（词数）</translation>
    </message>
    <message>
        <source> words</source>
        <comment>the suffix of the target length</comment>
        <translation> 词</translation>
    </message>
    <message>
        <source>Text model</source>
        <translation>文本模型</translation>
    </message>
    <message>
        <source>Reads up to {tokens} tokens (the source, the prompt and the answer together)</source>
        <translation>最多读取 {tokens} Token（素材、提示词和回答合计）</translation>
    </message>
    <message>
        <source>Spea&amp;kers</source>
        <translation>说话人(&amp;K)</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>形式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>长度(&amp;L)</translation>
    </message>
    <message>
        <source>Text &amp;model</source>
        <translation>文本模型(&amp;M)</translation>
    </message>
    <message>
        <source>Draf&amp;t</source>
        <translation>草稿(&amp;T)</translation>
    </message>
    <message>
        <source>Draft preview</source>
        <translation>草稿预览</translation>
    </message>
    <message>
        <source>The draft appears here as it is written: set up the source on the left and press Draft. Edit it freely: what you use is what this box holds.</source>
        <translation>草稿会边写边显示在这里：在左侧准备好素材，然后点击“起草”。可随意修改：使用的就是此框中的内容。</translation>
    </message>
    <message>
        <source>Name of the new production</source>
        <translation>新制作项目的名称</translation>
    </message>
    <message>
        <source>Draft</source>
        <comment>the name of a production made from a draft</comment>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Nam&amp;e</source>
        <translation>名称(&amp;E)</translation>
    </message>
    <message>
        <source>Use as &amp;new production</source>
        <translation>用作新制作项目(&amp;N)</translation>
    </message>
    <message>
        <source>Make a production of the draft as it is in the box, in your productions folder, and open it. Nothing is rendered or billed until you render</source>
        <translation>按框中的草稿在制作项目文件夹中新建制作项目并打开。在你生成之前，不会生成或计费</translation>
    </message>
    <message>
        <source>&amp;Replace this script…</source>
        <translation>替换此脚本(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Draft</source>
        <comment>verb: write a script</comment>
        <translation>起草(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the draft where it is (Esc): what came so far stays in the box</source>
        <translation>在当前位置停止起草（Esc）：已收到的内容保留在框中</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close (Esc); the draft stays here until you draft again</source>
        <translation>关闭（Esc）；草稿会保留在这里，直到你再次起草</translation>
    </message>
    <message>
        <source>About {prompt} tokens in, up to {answer} out with {model}</source>
        <translation>使用 {model}，约输入 {prompt} Token，最多输出 {answer} Token</translation>
    </message>
    <message>
        <source>From {file}</source>
        <translation>来自 {file}</translation>
    </message>
    <message>
        <source>Draft from a text file</source>
        <translation>从文本文件起草</translation>
    </message>
    <message>
        <source>Text ({patterns})</source>
        <translation>文本（{patterns}）</translation>
    </message>
    <message>
        <source>The prompt was not saved: {error}</source>
        <translation>提示词未保存：{error}</translation>
    </message>
    <message>
        <source>Saved: your default from now on</source>
        <translation>已保存：今后作为你的默认提示词</translation>
    </message>
    <message>
        <source>Stopped: what came so far is in the box, to edit or use</source>
        <translation>已停止：已收到的内容在框中，可编辑或使用</translation>
    </message>
    <message>
        <source>Note: {warning}.</source>
        <translation>注意：{warning}。</translation>
    </message>
    <message>
        <source>{error}. What arrived is in the box: edit it into a script, or draft again</source>
        <translation>{error}。已收到的内容在框中：可将其改成脚本，或重新起草</translation>
    </message>
    <message>
        <source>Line {number} of the draft: {rule}</source>
        <translation>草稿第 {number} 行：{rule}</translation>
    </message>
    <message>
        <source>Used {tokens} · rendering this script would bill {characters} characters</source>
        <translation>已用 {tokens} · 生成此脚本将计费 {characters} 个字符</translation>
    </message>
    <message>
        <source>&amp;Draft again</source>
        <translation>重新起草(&amp;D)</translation>
    </message>
    <message>
        <source>Send the source and the prompt to the text model; the draft streams into the box on the right, replacing what it holds (Ctrl+Enter)</source>
        <translation>把素材和提示词发送给文本模型；草稿会流式写入右侧的框，替换其中的内容（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Send the source and the prompt to the text model; the draft streams into the box on the right (Ctrl+Enter)</source>
        <translation>把素材和提示词发送给文本模型；草稿会流式写入右侧的框（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Make this draft the script of {production}; the current script.md is kept beside it, and Ctrl+Z in the panel undoes it</source>
        <translation>把此草稿作为 {production} 的脚本；当前的 script.md 会保留在旁边，在面板中按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>The draft has no lines: write SPEAKER: what they say, one turn a paragraph</source>
        <translation>草稿中没有行：请按“SPEAKER: 台词”的格式书写，每轮发言一段</translation>
    </message>
    <message numerus="yes">
        <source>Replace the script of {production} with this draft (%n line(s))?</source>
        <translation>
            <numerusform>用此草稿（%n 行）替换 {production} 的脚本？</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace the script</source>
        <translation>替换脚本</translation>
    </message>
    <message>
        <source>The current script.md is kept beside it under a dated name, and Ctrl+Z in the panel puts it back. Lines with the same words keep their takes; nothing is rendered or billed until you render.</source>
        <translation>当前的 script.md 会以带日期的名称保留在旁边，在面板中按 Ctrl+Z 可恢复。文字相同的行保留其版本；在你生成之前，不会生成或计费。</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <source>Prepare {production} for speech</source>
        <translation>朗读前优化 {production}</translation>
    </message>
    <message>
        <source>The text model reads the lines and suggests how to make them read well aloud: numbers, dates, units and abbreviations spelled out, long sentences split, an emotion or a pause the speech model takes, and how to say names. Nothing changes until you accept.</source>
        <translation>文本模型会阅读各行，并建议如何让它们读起来更自然：把数字、日期、单位和缩写写成文字，拆分长句，加入语音模型支持的情绪或停顿，并说明名字的读法。在你接受之前，不会做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Whole production (%n line(s))</source>
        <translation>
            <numerusform>整个制作项目（%n 行）(&amp;W)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Selected line (line {number})</source>
        <translation>所选行（第 {number} 行）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Selected line (none is selected)</source>
        <translation>所选行（未选择）(&amp;S)</translation>
    </message>
    <message>
        <source>Text model</source>
        <translation>文本模型</translation>
    </message>
    <message>
        <source>The cast&apos;s speech model: only the emotions and pauses it takes are suggested</source>
        <translation>角色分配所用的语音模型：只建议它支持的情绪和停顿</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Text &amp;model</source>
        <translation>文本模型(&amp;M)</translation>
    </message>
    <message>
        <source>Prepares for</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <source>Suggestions an earlier prepare brought back (kept in the production&apos;s prepared.json): reviewing them sends nothing</source>
        <translation>之前的优化返回的建议（保存在制作项目的 prepared.json 中）：查看它们不会发送任何请求</translation>
    </message>
    <message>
        <source>Requests answered</source>
        <translation>已回答的请求</translation>
    </message>
    <message>
        <source>As&amp;k</source>
        <translation>询问(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop asking (Esc); nothing changes</source>
        <translation>停止询问（Esc）；不做任何更改</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Suggestions (checked ones are accepted)</source>
        <translation>建议（勾选的会被接受）(&amp;S)</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>&amp;Pronunciations for the cast&apos;s defaults (check the ones to add)</source>
        <translation>角色分配的默认发音（勾选要添加的）(&amp;P)</translation>
    </message>
    <message>
        <source>Pronunciations</source>
        <translation>发音</translation>
    </message>
    <message>
        <source>&amp;Accept selected</source>
        <translation>接受所选(&amp;A)</translation>
    </message>
    <message>
        <source>Write the checked suggestions into script.md (one step Ctrl+Z in the panel undoes) and add the checked pronunciations</source>
        <translation>把勾选的建议写入 script.md（在面板中按一次 Ctrl+Z 即可撤销），并添加勾选的发音</translation>
    </message>
    <message>
        <source>Accept a&amp;ll</source>
        <translation>全部接受(&amp;L)</translation>
    </message>
    <message>
        <source>Every suggestion and every pronunciation</source>
        <translation>所有建议和所有发音</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>Close, changing nothing (the suggestions stay kept in the production for later)</source>
        <translation>关闭，不做任何更改（建议会保留在制作项目中，供以后使用）</translation>
    </message>
    <message numerus="yes">
        <source>Re&amp;view the %n kept suggestion(s)</source>
        <translation>
            <numerusform>查看保留的 %n 条建议(&amp;V)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re&amp;view the %n kept pronunciation(s)</source>
        <translation>
            <numerusform>查看保留的 %n 个发音(&amp;V)</numerusform>
        </translation>
    </message>
    <message>
        <source>from an earlier prepare, still matching their lines: nothing is sent</source>
        <translation>来自之前的优化，仍与对应的行相符：不会发送任何请求</translation>
    </message>
    <message numerus="yes">
        <source>About {prompt} tokens in, up to {answer} out for %n line(s) — as one batch of {requests} requests, billed at half price and answered within 24 h.</source>
        <translation>
            <numerusform>%n 行约输入 {prompt} Token，最多输出 {answer} Token——作为一批 {requests} 个请求发送，按半价计费，24 小时内返回。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About {prompt} tokens in, up to {answer} out for %n line(s) in {requests} requests.</source>
        <translation>
            <numerusform>%n 行分 {requests} 个请求，约输入 {prompt} Token，最多输出 {answer} Token。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About {prompt} tokens in, up to {answer} out for %n line(s).</source>
        <translation>
            <numerusform>%n 行约输入 {prompt} Token，最多输出 {answer} Token。</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking {model}…</source>
        <translation>正在询问 {model}…</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n request(s) answered</source>
        <translation>
            <numerusform>已回答 {done}/%n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: nothing changed. What was answered so far is kept in the production; a batch already sent is collected, not paid for again, when you ask again</source>
        <translation>已停止：未做任何更改。已回答的内容保存在制作项目中；已发送的批量请求会在你再次询问时取回，不会重复计费</translation>
    </message>
    <message>
        <source>Used {tokens}; kept in the production until you accept them.</source>
        <translation>已用 {tokens}；在你接受之前保存在制作项目中。</translation>
    </message>
    <message>
        <source>Kept from an earlier prepare: nothing was sent now.</source>
        <translation>来自之前的优化：此次未发送任何请求。</translation>
    </message>
    <message>
        <source>Line {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>原因：{why}</translation>
    </message>
    <message>
        <source>Line {number}: {before} → {after} (why: {why})</source>
        <translation>第 {number} 行：{before} → {after}（原因：{why}）</translation>
    </message>
    <message>
        <source>Line {number}: {before} → {after}</source>
        <translation>第 {number} 行：{before} → {after}</translation>
    </message>
    <message>
        <source>{word} → said “{say}”</source>
        <translation>{word} → 读作“{say}”</translation>
    </message>
    <message>
        <source> — {why}</source>
        <comment>after a pronunciation: the model&apos;s reason</comment>
        <translation>——{why}</translation>
    </message>
    <message numerus="yes">
        <source>%n pronunciation(s)</source>
        <translation>
            <numerusform>%n 个发音</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n 条建议</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;{suggestions}&lt;/b&gt;, {pronunciations}. {note} Accepted lines render again when asked (about {characters} characters for all of them).</source>
        <translation>&lt;b&gt;{suggestions}&lt;/b&gt;，{pronunciations}。{note}接受的行会在请求时重新生成（全部约 {characters} 个字符）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No line needs a change&lt;/b&gt;, {pronunciations}. {note}</source>
        <translation>&lt;b&gt;没有需要修改的行&lt;/b&gt;，{pronunciations}。{note}</translation>
    </message>
    <message>
        <source>&lt;b&gt;No line needs a change&lt;/b&gt;. {note}</source>
        <translation>&lt;b&gt;没有需要修改的行&lt;/b&gt;。{note}</translation>
    </message>
    <message>
        <source>Not suggested: {reason}</source>
        <translation>未建议：{reason}</translation>
    </message>
    <message>
        <source>Check the suggestions to accept (none is checked), or Reject to close</source>
        <translation>请勾选要接受的建议（当前未勾选任何一条），或点击“拒绝”关闭</translation>
    </message>
    <message numerus="yes">
        <source>Skipped line(s) {lines}: edited since the suggestion was made (prepare again for a new one).</source>
        <translation>
            <numerusform>已跳过第 {lines} 行：建议生成后已被编辑（可再次优化以获取新建议）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n suggestion(s) into script.md: those lines render again when asked (about {characters} characters).</source>
        <translation>
            <numerusform>已将 %n 条建议写入 script.md：这些行会在请求时重新生成（约 {characters} 个字符）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n pronunciation(s) to the cast&apos;s defaults.</source>
        <translation>
            <numerusform>已将 %n 个发音添加到角色分配的默认设置。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>按 Ctrl+Z 可撤销。</translation>
    </message>
</context>
<context>
    <name>SourceEdit</name>
    <message>
        <source>Source</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>Paste notes, an article or a transcript here, or drop a .txt or .md file on this box</source>
        <translation>在此粘贴笔记、文章或文字稿，或把 .txt 或 .md 文件拖到此框</translation>
    </message>
</context>
</TS>
