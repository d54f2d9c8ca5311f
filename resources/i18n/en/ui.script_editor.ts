<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ScriptEditor</name>
    <message numerus="yes">
        <source>Inserted {file} (%Ln character(s))</source>
        <translation>
            <numerusform>Inserted {file} (%Ln character)</numerusform>
            <numerusform>Inserted {file} (%Ln characters)</numerusform>
        </translation>
    </message>
</context>
</TS>
