<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MixTab</name>
    <message numerus="yes">
        <source>A mix has no voice id of its own: every request has to send the same weights again, and it can&apos;t be designed further. To make it a voice, render the mix reading a ~20 s passage and clone that recording. Rendering costs %Ln character(s); the clone then appears in your voices like any other (and expires after 7 days unless used).</source>
        <translation>
            <numerusform>A mix has no voice id of its own: every request has to send the same weights again, and it can&apos;t be designed further. To make it a voice, render the mix reading a ~20 s passage and clone that recording. Rendering costs %Ln character; the clone then appears in your voices like any other (and expires after 7 days unless used).</numerusform>
            <numerusform>A mix has no voice id of its own: every request has to send the same weights again, and it can&apos;t be designed further. To make it a voice, render the mix reading a ~20 s passage and clone that recording. Rendering costs %Ln characters; the clone then appears in your voices like any other (and expires after 7 days unless used).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each preview is billed like speech: %Ln character(s).</source>
        <translation>
            <numerusform>Each preview is billed like speech: %Ln character.</numerusform>
            <numerusform>Each preview is billed like speech: %Ln characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Played the mix (%Ln character(s) billed).</source>
        <translation>
            <numerusform>Played the mix (%Ln character billed).</numerusform>
            <numerusform>Played the mix (%Ln characters billed).</numerusform>
        </translation>
    </message>
</context>
</TS>
