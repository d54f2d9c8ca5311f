<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ImagePanel</name>
    <message numerus="yes">
        <source>The prompt is %n character(s) over MiniMax&apos;s {limit}.</source>
        <translation>
            <numerusform>The prompt is %n character over MiniMax&apos;s {limit}.</numerusform>
            <numerusform>The prompt is %n characters over MiniMax&apos;s {limit}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generating %n picture(s)…</source>
        <translation>
            <numerusform>Generating %n picture…</numerusform>
            <numerusform>Generating %n pictures…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) saved to the Library · seed {seed}</source>
        <translation>
            <numerusform>%n picture saved to the Library · seed {seed}</numerusform>
            <numerusform>%n pictures saved to the Library · seed {seed}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) saved to the Library</source>
        <translation>
            <numerusform>%n picture saved to the Library</numerusform>
            <numerusform>%n pictures saved to the Library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) · double-click to view full size</source>
        <translation>
            <numerusform>%n picture · double-click to view full size</numerusform>
            <numerusform>%n pictures · double-click to view full size</numerusform>
        </translation>
    </message>
</context>
</TS>
