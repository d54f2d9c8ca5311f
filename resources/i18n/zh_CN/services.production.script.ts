<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionScript</name>
    <message>
        <source>script.md line {number}: {rule}</source>
        <translation>script.md 第 {number} 行：{rule}</translation>
    </message>
    <message>
        <source>can&apos;t read the directive &apos;{directive}&apos;: write key=value, e.g. [emotion=happy speed=1.1 pause=0.8]</source>
        <translation>无法读取指令“{directive}”：请写成 key=value，例如 [emotion=happy speed=1.1 pause=0.8]</translation>
    </message>
    <message>
        <source>unknown directive {names}: the directives are emotion, speed, pause and at</source>
        <translation>未知指令 {names}：可用的指令为 emotion、speed、pause 和 at</translation>
    </message>
    <message>
        <source>speed must be between {low:g} and {high:g} (got {speed:g})</source>
        <translation>speed（语速）须在 {low:g} 到 {high:g} 之间（当前为 {speed:g}）</translation>
    </message>
    <message>
        <source>pause must be between 0 and {most:g} seconds (got {pause:g})</source>
        <translation>pause（停顿）须在 0 到 {most:g} 秒之间（当前为 {pause:g}）</translation>
    </message>
    <message>
        <source>at must be START-END in seconds with START ≤ END (got &apos;{value}&apos;)</source>
        <translation>at 须写成以秒为单位的 START-END，且 START ≤ END（当前为“{value}”）</translation>
    </message>
    <message>
        <source>{key} must be a number (got &apos;{value}&apos;)</source>
        <translation>{key} 须为数字（当前为“{value}”）</translation>
    </message>
</context>
</TS>
