"""Exporting a take to a file the user chose: the one path behind Library → Export, Speech → Export (Ctrl+S)
and the CLI's `music -o`. The file holds what its extension names: the received bytes when the take is
already in that format (paid audio is never re-encoded needlessly), else the audio converted with PyAV."""

from __future__ import annotations

import asyncio
from pathlib import Path

from studio.api.errors import MiniMaxError
from studio.audio.export import ExportResult, export_audio, format_of
from studio.files import write_atomically
from studio.services.library import KIND_WORDS, Take
from studio.services.media import picture_info
from studio.words import QT_TRANSLATE_NOOP, translate

# What an audio take can be exported as, with the name the save dialogs show (translated where shown:
# `translate("Export", label)`).
AUDIO_EXPORT_FORMATS: dict[str, str] = {"mp3": "MP3", "wav": "WAV", "flac": "FLAC",
                                        "pcm": QT_TRANSLATE_NOOP("Export", "Raw PCM, 16-bit")}
AUDIO_KINDS = ("speech", "music")


class ExportError(MiniMaxError):
    """The chosen file name asks for a format this take can't be saved as."""


async def export_take(take: Take, dest: Path) -> ExportResult:
    """Write `take` to `dest` in the format `dest`'s extension names (the take's own when it has none).
    The file work runs in a thread: a long take takes seconds to convert."""
    return await asyncio.to_thread(_export, take, Path(dest))


def file_format(take: Take) -> str:
    """The format a take's file holds, as an extension. A picture's is read from its bytes: a take saved before
    pictures were named by content carries the extension its link ended in (image-01 names every link .jpeg)."""
    if take.kind == "image":
        try:
            with take.path.open("rb") as f:
                info = picture_info(f.read(256 * 1024))
        except OSError:
            info = None
        if info is not None:
            return "jpg" if info.kind == "jpeg" else info.kind
    return take.format


def _export(take: Take, dest: Path) -> ExportResult:
    fmt = file_format(take)
    if not dest.suffix:
        dest = dest.with_name(f"{dest.name}.{fmt}")
    wanted, own = format_of(dest), format_of(f"take.{fmt}")
    if wanted == own:
        write_atomically(dest, take.path.read_bytes())
        return ExportResult(dest, reencoded=False)
    if take.kind not in AUDIO_KINDS:
        kind = translate("Library", KIND_WORDS[take.kind]) if take.kind in KIND_WORDS else take.kind
        raise ExportError(translate(
            "Export", "This {kind} is a .{fmt} file: save it with the .{fmt} extension (not .{wanted}).").format(
            kind=kind, fmt=fmt, wanted=wanted))
    if wanted not in AUDIO_EXPORT_FORMATS:
        choices = ", ".join(f".{fmt}" for fmt in AUDIO_EXPORT_FORMATS)
        raise ExportError(translate(
            "Export", "Audio can be exported as {choices}; “{name}” names none of them.").format(
            choices=choices, name=dest.name))
    return export_audio(take.path.read_bytes(), own, dest,
                        sample_rate=take.sample_rate or 32000, channels=take.channels or 1)

