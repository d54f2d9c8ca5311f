"""Tags, cover art and chapters written into a finished master with mutagen.

- MP3: an ID3v2.3 tag (the version every podcast app reads) with title, artist, album, year, comment, track,
  cover (APIC) and the chapters as a CTOC table of contents over CHAP frames, each titled.
- M4A/M4B: the iTunes atoms (©nam, ©ART, ©alb, ©day, ©cmt, trkn, covr); the chapters are already in the file.
- FLAC: Vorbis comments with the CHAPTERnnn/CHAPTERnnnNAME chapter convention, and the cover as a picture block.
- WAV: an ID3 chunk with the same text tags (no chapters: no player reads them from WAV).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from studio.services.mastering.encode import Chapter
from studio.services.mastering.presets import AudioFormat
from studio.words import translate


@dataclass(frozen=True)
class Tags:
    title: str = ""
    artist: str = ""
    album: str = ""
    year: str = ""
    comment: str = ""
    cover: bytes | None = None  # a JPEG or PNG
    track: tuple[int, int] | None = None  # (number, of)

    @property
    def cover_mime(self) -> str:
        return "image/png" if self.cover and self.cover.startswith(b"\x89PNG") else "image/jpeg"


NO_TAGS = Tags()


def cover_image(path: Path) -> bytes:
    """A cover's bytes, refused unless it is a JPEG or PNG (what every tag format takes)."""
    data = path.read_bytes()
    if not (data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n")):
        raise ValueError(translate("MasteringTags", "{file} is not a JPEG or PNG picture: covers are JPEG or PNG")
                         .format(file=path.name))
    return data


def write_tags(path: Path, fmt: AudioFormat, tags: Tags, chapters: Sequence[Chapter] = ()) -> None:
    if fmt == "mp3":
        _id3(path, tags, chapters)
    elif fmt in ("m4a", "m4b"):
        _mp4(path, tags)
    elif fmt == "flac":
        _flac(path, tags, chapters)
    elif fmt == "wav":
        _wav(path, tags)


def _id3_frames(tags: Tags) -> list[object]:
    from mutagen.id3 import APIC, COMM, TALB, TDRC, TIT2, TPE1, TRCK

    frames: list[object] = []
    if tags.title:
        frames.append(TIT2(encoding=3, text=tags.title))
    if tags.artist:
        frames.append(TPE1(encoding=3, text=tags.artist))
    if tags.album:
        frames.append(TALB(encoding=3, text=tags.album))
    if tags.year:
        frames.append(TDRC(encoding=3, text=tags.year))
    if tags.comment:
        frames.append(COMM(encoding=3, lang="eng", desc="", text=tags.comment))
    if tags.track:
        frames.append(TRCK(encoding=3, text=f"{tags.track[0]}/{tags.track[1]}"))
    if tags.cover:
        frames.append(APIC(encoding=3, mime=tags.cover_mime, type=3, desc="Cover", data=tags.cover))  # notr
    return frames


def _id3(path: Path, tags: Tags, chapters: Sequence[Chapter]) -> None:
    from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags

    tag = ID3()
    for frame in _id3_frames(tags):
        tag.add(frame)
    if chapters:
        ids = [f"chp{n}" for n in range(len(chapters))]
        tag.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                     sub_frames=[TIT2(encoding=3, text=tags.title or "Chapters")]))  # notr
        for element, chapter in zip(ids, chapters, strict=True):
            tag.add(CHAP(element_id=element, start_time=round(chapter.start_s * 1000),
                         end_time=round(chapter.end_s * 1000), start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF,
                         sub_frames=[TIT2(encoding=3, text=chapter.title)]))
    tag.save(str(path), v2_version=3)


def _mp4(path: Path, tags: Tags) -> None:
    from mutagen.mp4 import MP4, MP4Cover

    file = MP4(str(path))
    if file.tags is None:
        file.add_tags()
    atoms = file.tags
    assert atoms is not None
    for key, value in (("\xa9nam", tags.title), ("\xa9ART", tags.artist), ("\xa9alb", tags.album),
                       ("\xa9day", tags.year), ("\xa9cmt", tags.comment)):
        if value:
            atoms[key] = [value]
    if tags.track:
        atoms["trkn"] = [tags.track]
    if tags.cover:
        kind = MP4Cover.FORMAT_PNG if tags.cover_mime == "image/png" else MP4Cover.FORMAT_JPEG
        atoms["covr"] = [MP4Cover(tags.cover, imageformat=kind)]
    file.save()


def _flac(path: Path, tags: Tags, chapters: Sequence[Chapter]) -> None:
    from mutagen.flac import FLAC, Picture, VCFLACDict

    file = FLAC(str(path))
    if file.tags is None:
        file.add_tags()
    comments = file.tags
    assert isinstance(comments, VCFLACDict)
    for key, value in (("TITLE", tags.title), ("ARTIST", tags.artist), ("ALBUM", tags.album),
                       ("DATE", tags.year), ("COMMENT", tags.comment)):
        if value:
            comments[key] = value
    if tags.track:
        comments["TRACKNUMBER"], comments["TRACKTOTAL"] = str(tags.track[0]), str(tags.track[1])
    for n, chapter in enumerate(chapters, start=1):
        comments[f"CHAPTER{n:03d}"] = _clock(chapter.start_s)
        comments[f"CHAPTER{n:03d}NAME"] = chapter.title
    if tags.cover:
        picture = Picture()
        picture.type, picture.mime, picture.desc, picture.data = 3, tags.cover_mime, "Cover", tags.cover  # notr
        file.add_picture(picture)
    file.save()


def _wav(path: Path, tags: Tags) -> None:
    from mutagen.wave import WAVE

    file = WAVE(str(path))
    if file.tags is None:
        file.add_tags()
    assert file.tags is not None
    for frame in _id3_frames(tags):
        file.tags.add(frame)
    file.save()


def _clock(seconds: float) -> str:
    millis = round(seconds * 1000)
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"
