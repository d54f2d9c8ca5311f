<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SpeechPanel</name>
    <message numerus="yes">
        <source>Saved to the Library · %Ln character(s)</source>
        <translation>
            <numerusform>Saved to the Library · %Ln character</numerusform>
            <numerusform>Saved to the Library · %Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved to the Library · %Ln character(s) (not played: no audio output)</source>
        <translation>
            <numerusform>Saved to the Library · %Ln character (not played: no audio output)</numerusform>
            <numerusform>Saved to the Library · %Ln characters (not played: no audio output)</numerusform>
        </translation>
    </message>
</context>
</TS>
