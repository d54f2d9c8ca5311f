<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DesignTab</name>
    <message numerus="yes">
        <source>Each try renders the preview text: %Ln character(s) billed.</source>
        <translation>
            <numerusform>Each try renders the preview text: %Ln character billed.</numerusform>
            <numerusform>Each try renders the preview text: %Ln characters billed.</numerusform>
        </translation>
    </message>
</context>
</TS>
