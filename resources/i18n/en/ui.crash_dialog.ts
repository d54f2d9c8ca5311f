<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CrashDialog</name>
    <message numerus="yes">
        <source>%n more problem(s) since this one; each is in the log.</source>
        <translation>
            <numerusform>%n more problem since this one; each is in the log.</numerusform>
            <numerusform>%n more problems since this one; each is in the log.</numerusform>
        </translation>
    </message>
</context>
</TS>
