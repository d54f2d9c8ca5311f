<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Library</name>
    <message>
        <source>speech</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>it was empty</source>
        <translation>数据库为空</translation>
    </message>
    <message>
        <source>The Library&apos;s database was damaged ({damage}). It was moved to {moved_to}, and the Library was rebuilt from the {count} file(s) in {media_dir}.</source>
        <translation>媒体库数据库已损坏（{damage}）。已将其移至 {moved_to}，并根据 {media_dir} 中的 {count} 个文件重建了媒体库。</translation>
    </message>
    <message>
        <source>{what} is saved at {where} but the Library could not record it ({database}: {error}); it will be added when the Library opens writable.</source>
        <translation>{what}已保存在 {where}，但媒体库无法记录它（{database}：{error}）；待媒体库可写入时会自动添加。</translation>
    </message>
    <message>
        <source>The {kind} {take}</source>
        <translation>{kind} {take}</translation>
    </message>
    <message>
        <source>The {kind} take {take}</source>
        <translation>{kind}版本 {take}</translation>
    </message>
    <message>
        <source>{error}; the {bytes:,} bytes that fit are kept as a partial take</source>
        <translation>{error}；已写入的 {bytes:,} 字节保留为不完整版本</translation>
    </message>
</context>
</TS>
