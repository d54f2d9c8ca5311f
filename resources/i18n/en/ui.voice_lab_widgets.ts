<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>VoiceLabWords</name>
    <message numerus="yes">
        <source>{action} · %Ln character(s)</source>
        <translation>
            <numerusform>{action} · %Ln character</numerusform>
            <numerusform>{action} · %Ln characters</numerusform>
        </translation>
    </message>
</context>
</TS>
