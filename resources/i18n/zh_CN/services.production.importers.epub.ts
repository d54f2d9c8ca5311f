<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImportEpub</name>
    <message>
        <source>EPUB import needs the optional ebooklib (AGPL-3.0, not in the installers): pip install &apos;minimax-studio[epub]&apos;</source>
        <translation>导入 EPUB 需要可选的 ebooklib（AGPL-3.0，安装包中未附带）：pip install &apos;minimax-studio[epub]&apos;</translation>
    </message>
    <message>
        <source>not a readable EPUB ({problem}): an EPUB is a zip with a META-INF/container.xml and a package document</source>
        <translation>不是可读取的 EPUB（{problem}）：EPUB 是包含 META-INF/container.xml 和包文档的 zip 文件</translation>
    </message>
    <message>
        <source>left out the non-linear document {name} (notes and the like)</source>
        <translation>已略过非线性文档 {name}（注释之类）</translation>
    </message>
</context>
</TS>
