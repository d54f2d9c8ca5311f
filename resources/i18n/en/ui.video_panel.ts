<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>VideoPanel</name>
    <message numerus="yes">
        <source>[{group}] combines %n camera moves; MiniMax takes at most {most}</source>
        <translation>
            <numerusform>[{group}] combines %n camera move; MiniMax takes at most {most}</numerusform>
            <numerusform>[{group}] combines %n camera moves; MiniMax takes at most {most}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{commands}” isn&apos;t a camera command MiniMax knows</source>
        <translation>
            <numerusform>“{commands}” isn&apos;t a camera command MiniMax knows</numerusform>
            <numerusform>“{commands}” aren&apos;t camera commands MiniMax knows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The prompt is %n character(s) too long.</source>
        <translation>
            <numerusform>The prompt is %n character too long.</numerusform>
            <numerusform>The prompt is %n characters too long.</numerusform>
        </translation>
    </message>
</context>
</TS>
