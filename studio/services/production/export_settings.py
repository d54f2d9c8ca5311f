"""How a production was last exported — preset, format, files, subtitles, tags, music bed — kept in its folder
(`export.json`) so the next export (and the next start of the studio) offers the same. A file that can't be
read gives the defaults: losing a preference must never stop an export."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from studio.files import write_atomically
from studio.services.mastering.bed import MusicBed
from studio.services.mastering.presets import (
    AUDIO_FORMATS,
    DEFAULT_PRESET,
    PRESETS,
    AudioFormat,
    Preset,
    custom_preset,
)
from studio.services.mastering.tags import Tags, cover_image
from studio.words import translate

log = logging.getLogger(__name__)

EXPORT_FILE = "export.json"
AS_RENDERED = "as-rendered"  # no mastering: the takes as the API sent them, assembled
CUSTOM = "custom"
RAW_FORMATS: tuple[AudioFormat, ...] = ("mp3", "wav", "flac")


@dataclass(frozen=True)
class TagFields:
    title: str = ""
    artist: str = ""
    album: str = ""
    year: str = ""
    comment: str = ""
    cover: str = ""  # a path to a JPEG or PNG

    def tags(self, default_title: str) -> Tags:
        """The tags to write; the cover read now (ValueError when it is not a JPEG or PNG, OSError when gone)."""
        cover = cover_image(Path(self.cover)) if self.cover else None
        return Tags(title=self.title or default_title, artist=self.artist, album=self.album, year=self.year,
                    comment=self.comment, cover=cover)


@dataclass(frozen=True)
class BedFields:
    """A MusicBed's settings without it being switched on or its file having to exist."""

    music: str = ""
    intro_s: float = 6.0
    outro_s: float = 8.0
    under: bool = True
    level_lu: float = -8.0
    duck_db: float = 14.0
    attack_s: float = 0.4
    release_s: float = 1.0

    def bed(self) -> MusicBed:
        return MusicBed(Path(self.music), intro_s=self.intro_s, outro_s=self.outro_s, under=self.under,
                        level_lu=self.level_lu, duck_db=self.duck_db, attack_s=self.attack_s,
                        release_s=self.release_s)


@dataclass(frozen=True)
class EpisodeExport:
    preset: str = DEFAULT_PRESET  # a PRESETS key, CUSTOM or AS_RENDERED
    custom_lufs: float = -16.0
    custom_ceiling: float = -1.0
    fmt: AudioFormat = "mp3"
    per_chapter: bool = False
    srt: bool = True
    vtt: bool = False
    speakers: bool = False
    tags: TagFields = field(default_factory=TagFields)
    with_bed: bool = False
    bed: BedFields = field(default_factory=BedFields)

    def mastering(self) -> Preset | None:
        """The preset (None: as rendered). ValueError names a custom target out of range."""
        if self.preset == AS_RENDERED:
            return None
        if self.preset == CUSTOM:
            return custom_preset(self.custom_lufs, self.custom_ceiling)
        return PRESETS.get(self.preset, PRESETS[DEFAULT_PRESET])

    def formats(self) -> tuple[AudioFormat, ...]:
        preset = self.mastering() if self.preset != CUSTOM else PRESETS[DEFAULT_PRESET]
        return RAW_FORMATS if preset is None else tuple(dict.fromkeys((*preset.formats, *AUDIO_FORMATS)))

    def problems(self) -> list[str]:
        """What stops this export, each naming the rule, before any file is touched."""
        found = []
        try:
            preset = self.mastering()
        except ValueError as exc:
            return [str(exc)]
        if preset is None and self.fmt not in RAW_FORMATS:
            found.append(translate("ProductionExport", "as rendered, the episode is written as {formats}: master it "
                                                       "(choose a preset) for {format}").format(
                formats=", ".join(RAW_FORMATS), format=self.fmt.upper()))
        if self.tags.cover:
            try:
                cover_image(Path(self.tags.cover))
            except (ValueError, OSError) as exc:
                found.append(translate("ProductionExport", "the cover can't be used: {reason}").format(reason=exc))
        if self.with_bed:
            if preset is None:
                found.append(translate("ProductionExport", "a music bed is mixed when mastering: choose a preset"))
            if not self.bed.music:
                found.append(translate("ProductionExport", "choose the music for the bed"))
            else:
                found += self.bed.bed().problems()
        return found


def load_export(folder: Path) -> EpisodeExport:
    path = folder / EXPORT_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return export_from_dict(data)
    except FileNotFoundError:
        return EpisodeExport()
    except (OSError, ValueError, TypeError, KeyError) as exc:
        log.warning("%s can't be read (%s): the export starts from the defaults", path, exc)
        return EpisodeExport()


def save_export(folder: Path, choice: EpisodeExport) -> None:
    write_atomically(folder / EXPORT_FILE, json.dumps(asdict(choice), indent=2).encode("utf-8"), durable=False)


def export_from_dict(data: object) -> EpisodeExport:
    """Choices read back from JSON; what is missing or unknown takes its default."""
    if not isinstance(data, dict):
        return EpisodeExport()
    top = _known(EpisodeExport, data)
    top["tags"] = TagFields(**_known(TagFields, data.get("tags")))
    top["bed"] = BedFields(**_known(BedFields, data.get("bed")))
    choice = EpisodeExport(**top)
    if choice.fmt not in AUDIO_FORMATS:
        choice = replace(choice, fmt="mp3")
    if choice.preset not in (*PRESETS, CUSTOM, AS_RENDERED):
        choice = replace(choice, preset=DEFAULT_PRESET)
    return choice


def _known(kind: type, values: object) -> dict[str, Any]:
    """The entries of `values` that are fields of `kind`, with the type its default has (others dropped)."""
    if not isinstance(values, dict):
        return {}
    defaults = kind()
    kept = {}
    for item in fields(kind):
        if item.name in values:
            value, default = values[item.name], getattr(defaults, item.name)
            if isinstance(default, bool) is isinstance(value, bool) and (
                    isinstance(value, type(default)) or (isinstance(default, float) and isinstance(value, int))):
                kept[item.name] = float(value) if isinstance(default, float) else value
    return kept
