<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LibraryPanel</name>
    <message numerus="yes">
        <source>%Ln char(s)</source>
        <comment>billed characters</comment>
        <translation>
            <numerusform>%Ln char</numerusform>
            <numerusform>%Ln chars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln take(s)</source>
        <translation>
            <numerusform>%Ln take</numerusform>
            <numerusform>%Ln takes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln slider preview(s) not listed</source>
        <translation>
            <numerusform>%Ln slider preview not listed</numerusform>
            <numerusform>%Ln slider previews not listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sentence(s) re-rendered by the Speech sliders.</source>
        <translation>
            <numerusform>%Ln sentence re-rendered by the Speech sliders.</numerusform>
            <numerusform>%Ln sentences re-rendered by the Speech sliders.</numerusform>
        </translation>
    </message>
</context>
</TS>
