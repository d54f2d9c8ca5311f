<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CheckReportDialog</name>
    <message numerus="yes">
        <source>{failed} of %Ln file(s) fail a line of {preset}: what to do is beside each.</source>
        <translation>
            <numerusform>{failed} of %Ln file fails a line of {preset}: what to do is beside each.</numerusform>
            <numerusform>{failed} of %Ln files fail a line of {preset}: what to do is beside each.</numerusform>
        </translation>
    </message>
</context>
</TS>
