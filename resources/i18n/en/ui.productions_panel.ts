<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ProductionsPanel</name>
    <message numerus="yes">
        <source>%Ln characters</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln units</source>
        <translation>
            <numerusform>%Ln unit</numerusform>
            <numerusform>%Ln units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every line has its audio: %Ln units cached, nothing to bill.</source>
        <translation>
            <numerusform>Every line has its audio: %Ln unit cached, nothing to bill.</numerusform>
            <numerusform>Every line has its audio: %Ln units cached, nothing to bill.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replaced {count} in %Ln lines</source>
        <translation>
            <numerusform>Replaced {count} in %Ln line</numerusform>
            <numerusform>Replaced {count} in %Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln units: {billed} of {estimated} billed</source>
        <translation>
            <numerusform>{done} of %Ln unit: {billed} of {estimated} billed</numerusform>
            <numerusform>{done} of %Ln units: {billed} of {estimated} billed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed: retry them below (what was rendered is not billed again).</source>
        <translation>
            <numerusform>%Ln failed: retry it below (what was rendered is not billed again).</numerusform>
            <numerusform>%Ln failed: retry them below (what was rendered is not billed again).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{rendered} of %Ln units rendered</source>
        <translation>
            <numerusform>{rendered} of %Ln unit rendered</numerusform>
            <numerusform>{rendered} of %Ln units rendered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln chapter files with their subtitles in {folder}</source>
        <translation>
            <numerusform>%Ln chapter file with its subtitles in {folder}</numerusform>
            <numerusform>%Ln chapter files with their subtitles in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was changed: lines {numbers} changed since the suggestions were made; prepare again for new ones</source>
        <translation>
            <numerusform>Nothing was changed: line {numbers} changed since the suggestions were made; prepare again for new ones</numerusform>
            <numerusform>Nothing was changed: lines {numbers} changed since the suggestions were made; prepare again for new ones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln suggestions</source>
        <translation>
            <numerusform>Accept %Ln suggestion</numerusform>
            <numerusform>Accept %Ln suggestions</numerusform>
        </translation>
    </message>
</context>
</TS>
