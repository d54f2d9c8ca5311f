<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImportSpreadsheet</name>
    <message>
        <source>the first row must name the columns, with at least &apos;speaker&apos; and &apos;text&apos; (all: {columns})</source>
        <translation>第一行须为列名，至少包含“speaker”和“text”（全部列：{columns}）</translation>
    </message>
    <message>
        <source>ignored the column(s) {unknown}: the columns are {columns}</source>
        <translation>已忽略列 {unknown}：可用的列为 {columns}</translation>
    </message>
    <message>
        <source>row {row}: the speaker &apos;{speaker}&apos; breaks the name rule: upper case, starting with a letter, at most 40 characters (e.g. HOST, DR. LEE)</source>
        <translation>第 {row} 行：说话人“{speaker}”不符合命名规则：须为大写、以字母开头，最多 40 个字符（例如 HOST、DR. LEE）</translation>
    </message>
    <message>
        <source>row {row}: {rule}</source>
        <translation>第 {row} 行：{rule}</translation>
    </message>
</context>
</TS>
