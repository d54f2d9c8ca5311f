<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>VoiceLabPanel</name>
    <message numerus="yes">
        <source>%n voice(s) expire within {hours} h unless used</source>
        <translation>
            <numerusform>%n voice expires within {hours} h unless used</numerusform>
            <numerusform>%n voices expire within {hours} h unless used</numerusform>
        </translation>
    </message>
</context>
</TS>
