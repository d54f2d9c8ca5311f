<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DraftDialog</name>
    <message numerus="yes">
        <source>Replace the script of {production} with this draft (%n line(s))?</source>
        <translation>
            <numerusform>Replace the script of {production} with this draft (%n line)?</numerusform>
            <numerusform>Replace the script of {production} with this draft (%n lines)?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message numerus="yes">
        <source>&amp;Whole production (%n line(s))</source>
        <translation>
            <numerusform>&amp;Whole production (%n line)</numerusform>
            <numerusform>&amp;Whole production (%n lines)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re&amp;view the %n kept suggestion(s)</source>
        <translation>
            <numerusform>Re&amp;view the %n kept suggestion</numerusform>
            <numerusform>Re&amp;view the %n kept suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re&amp;view the %n kept pronunciation(s)</source>
        <translation>
            <numerusform>Re&amp;view the %n kept pronunciation</numerusform>
            <numerusform>Re&amp;view the %n kept pronunciations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About {prompt} tokens in, up to {answer} out for %n line(s) — as one batch of {requests} requests, billed at half price and answered within 24 h.</source>
        <translation>
            <numerusform>About {prompt} tokens in, up to {answer} out for %n line — as one batch of {requests} requests, billed at half price and answered within 24 h.</numerusform>
            <numerusform>About {prompt} tokens in, up to {answer} out for %n lines — as one batch of {requests} requests, billed at half price and answered within 24 h.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About {prompt} tokens in, up to {answer} out for %n line(s) in {requests} requests.</source>
        <translation>
            <numerusform>About {prompt} tokens in, up to {answer} out for %n line in {requests} requests.</numerusform>
            <numerusform>About {prompt} tokens in, up to {answer} out for %n lines in {requests} requests.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About {prompt} tokens in, up to {answer} out for %n line(s).</source>
        <translation>
            <numerusform>About {prompt} tokens in, up to {answer} out for %n line.</numerusform>
            <numerusform>About {prompt} tokens in, up to {answer} out for %n lines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n request(s) answered</source>
        <translation>
            <numerusform>{done} of %n request answered</numerusform>
            <numerusform>{done} of %n requests answered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pronunciation(s)</source>
        <translation>
            <numerusform>%n pronunciation</numerusform>
            <numerusform>%n pronunciations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped line(s) {lines}: edited since the suggestion was made (prepare again for a new one).</source>
        <translation>
            <numerusform>Skipped line {lines}: edited since the suggestion was made (prepare again for a new one).</numerusform>
            <numerusform>Skipped lines {lines}: edited since the suggestion was made (prepare again for a new one).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n suggestion(s) into script.md: those lines render again when asked (about {characters} characters).</source>
        <translation>
            <numerusform>Accepted %n suggestion into script.md: those lines render again when asked (about {characters} characters).</numerusform>
            <numerusform>Accepted %n suggestions into script.md: those lines render again when asked (about {characters} characters).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n pronunciation(s) to the cast&apos;s defaults.</source>
        <translation>
            <numerusform>Added %n pronunciation to the cast&apos;s defaults.</numerusform>
            <numerusform>Added %n pronunciations to the cast&apos;s defaults.</numerusform>
        </translation>
    </message>
</context>
</TS>
