<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ProductionStore</name>
    <message>
        <source>{file} can&apos;t be used: {reason}</source>
        <translation>无法使用 {file}：{reason}</translation>
    </message>
    <message>
        <source>a production&apos;s name must be a plain folder name (got {name})</source>
        <translation>制作项目的名称须为普通的文件夹名（当前为 {name}）</translation>
    </message>
    <message>
        <source>{folder} already exists: pick another name, or open it</source>
        <translation>{folder} 已存在：请换一个名称，或打开它</translation>
    </message>
    <message>
        <source>{folder} is not a production: there is no such folder (make one with `studio production new NAME`)</source>
        <translation>{folder} 不是制作项目：没有这个文件夹（可用 `studio production new NAME` 新建）</translation>
    </message>
    <message>
        <source>{folder} is not a production: it has no {file} (make one with `studio production new NAME`)</source>
        <translation>{folder} 不是制作项目：其中没有 {file}（可用 `studio production new NAME` 新建）</translation>
    </message>
    <message>
        <source>{folder} is not a complete production: its {file} is missing</source>
        <translation>{folder} 不是完整的制作项目：缺少 {file}</translation>
    </message>
    <message>
        <source>{folder} is not inside a production: run the command in a production&apos;s folder, or give it with --production DIR</source>
        <translation>{folder} 不在制作项目中：请在制作项目的文件夹中运行命令，或用 --production DIR 指定</translation>
    </message>
    <message>
        <source>{name} is being rendered or played by another window or command: wait for it to finish (or stop it), then try again</source>
        <translation>{name} 正由另一个窗口或命令生成或播放：请等待其完成（或停止它）后重试</translation>
    </message>
    <message>
        <source>{file}: line {line} has unreadable directives</source>
        <translation>{file}：第 {line} 行的指令无法读取</translation>
    </message>
    <message>
        <source>there is no chapter {chapter}: the script&apos;s chapters are 1–{count}</source>
        <translation>没有第 {chapter} 章：脚本的章节为 1–{count}</translation>
    </message>
    <message>
        <source>{count} lines have no audio yet (lines {lines}): run `studio production render` first (`plan` shows what it bills)</source>
        <translation>有 {count} 行还没有音频（第 {lines} 行）：请先运行 `studio production render`（`plan` 可查看计费）</translation>
    </message>
    <message>
        <source>there is no line {number}: the script&apos;s lines are 1–{count}</source>
        <translation>没有第 {number} 行：脚本的行为 1–{count}</translation>
    </message>
    <message>
        <source>there is no line {number}: the script has no lines yet</source>
        <translation>没有第 {number} 行：脚本还没有任何行</translation>
    </message>
    <message>
        <source>can&apos;t import {problem}</source>
        <translation>无法导入 {problem}</translation>
    </message>
</context>
</TS>
