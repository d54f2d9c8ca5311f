<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>VoicesTab</name>
    <message numerus="yes">
        <source>%n voice(s)</source>
        <translation>
            <numerusform>%n voice</numerusform>
            <numerusform>%n voices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{left}: deleted on {when} unless used in Speech. Activate renders “{line}” (%Ln character(s) billed).</source>
        <translation>
            <numerusform>{left}: deleted on {when} unless used in Speech. Activate renders “{line}” (%Ln character billed).</numerusform>
            <numerusform>{left}: deleted on {when} unless used in Speech. Activate renders “{line}” (%Ln characters billed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{voice} is kept for good (%Ln character(s) billed).</source>
        <translation>
            <numerusform>{voice} is kept for good (%Ln character billed).</numerusform>
            <numerusform>{voice} is kept for good (%Ln characters billed).</numerusform>
        </translation>
    </message>
</context>
</TS>
