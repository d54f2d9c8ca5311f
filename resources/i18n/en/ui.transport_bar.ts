<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>TransportBar</name>
    <message numerus="yes">
        <source>%Ln underrun(s)</source>
        <translation>
            <numerusform>%Ln underrun</numerusform>
            <numerusform>%Ln underruns</numerusform>
        </translation>
    </message>
</context>
</TS>
