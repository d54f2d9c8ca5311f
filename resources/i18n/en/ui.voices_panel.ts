<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>VoicesPanel</name>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln voice(s)</source>
        <translation>
            <numerusform>%Ln voice</numerusform>
            <numerusform>%Ln voices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln voice(s)</source>
        <translation>
            <numerusform>{shown} of %Ln voice</numerusform>
            <numerusform>{shown} of %Ln voices</numerusform>
        </translation>
    </message>
</context>
</TS>
