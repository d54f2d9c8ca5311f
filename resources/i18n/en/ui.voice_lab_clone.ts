<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CloneTab</name>
    <message numerus="yes">
        <source>Cloning is billed when the voice is first used in Speech. The preview text is billed like speech (%Ln character(s)). Unused clones are deleted after 7 days.</source>
        <translation>
            <numerusform>Cloning is billed when the voice is first used in Speech. The preview text is billed like speech (%Ln character). Unused clones are deleted after 7 days.</numerusform>
            <numerusform>Cloning is billed when the voice is first used in Speech. The preview text is billed like speech (%Ln characters). Unused clones are deleted after 7 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is in your voices now. It expires in 168 h (7 days) unless you use it in Speech, or press “Keep it for good”. The demo cost %Ln character(s).</source>
        <translation>
            <numerusform>It is in your voices now. It expires in 168 h (7 days) unless you use it in Speech, or press “Keep it for good”. The demo cost %Ln character.</numerusform>
            <numerusform>It is in your voices now. It expires in 168 h (7 days) unless you use it in Speech, or press “Keep it for good”. The demo cost %Ln characters.</numerusform>
        </translation>
    </message>
</context>
</TS>
