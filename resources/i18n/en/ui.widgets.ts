<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountStatusBar</name>
    <message numerus="yes">
        <source>%Ln character(s) used this session</source>
        <translation>
            <numerusform>%Ln character used this session</numerusform>
            <numerusform>%Ln characters used this session</numerusform>
        </translation>
    </message>
</context>
</TS>
