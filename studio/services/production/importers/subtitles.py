"""SRT and WebVTT subtitles, parsed with webvtt-py: each cue is one line of the script, its paragraph of its
own, with the cue's (start, end) kept as the line's timing target (`at=` in script.md).

The speaker of a cue is its VTT voice tag (`<v Host>` → HOST), or a leading `NAME:` that follows the script.md
rule (`HOST: Welcome back.`), else the narrator. Other cue tags (<i>, <b>, <c.x>) keep only their text;
`{\\an8}`-style positioning tags are dropped with a warning, and a cue that is only a sound description
(`[door slams]`, `♪ music ♪`) is dropped with a warning.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from studio.services.production.importers.base import ImportFailed, ScriptBuilder, read_text, speaker_name
from studio.services.production.script import NARRATOR, Directives, Script, is_speaker_row
from studio.words import translate

_POSITION_TAG = re.compile(r"\{\\[^}]*\}")
_SOUND_ONLY = re.compile(r"^(\[[^\]]*\]|\([^)]*\)|♪[^♪]*♪?|\s)+$")
_VOICE = re.compile(r"<v(?:\.[\w-]+)*\s+([^>]+)>")


def read_srt(path: Path) -> tuple[Script, list[str]]:
    return _read(path, "srt")


def read_vtt(path: Path) -> tuple[Script, list[str]]:
    return _read(path, "vtt")


def _read(path: Path, kind: str) -> tuple[Script, list[str]]:
    text = read_text(path)
    try:
        captions = webvtt.from_buffer(io.StringIO(text), format=kind).captions
    except (MalformedFileError, MalformedCaptionError) as error:
        rule = (translate("ImportSubtitles", "a WebVTT file starts with the row WEBVTT") if kind == "vtt"
                else translate("ImportSubtitles", "an SRT cue is a number, a row 00:00:01,000 --> 00:00:02,000 and "
                                                  "its text"))
        raise ImportFailed(path, translate("ImportSubtitles", "not a valid {kind} file ({problem}): {rule}").format(
            kind=kind.upper(), problem=error, rule=rule)) from None
    builder = ScriptBuilder()
    for number, caption in enumerate(captions, start=1):
        raw = " ".join(caption.lines)
        if _POSITION_TAG.search(raw):
            tags = " ".join(_POSITION_TAG.findall(raw))
            builder.warnings.append(translate("ImportSubtitles", "cue {number}: dropped the positioning tag(s) {tags}")
                                    .format(number=number, tags=tags))
            raw = _POSITION_TAG.sub("", raw)
        voices = list(dict.fromkeys(_VOICE.findall(raw)))
        spoken = " ".join(webvtt.Caption(text=raw).text.split())
        if not spoken:
            continue
        if _SOUND_ONLY.match(spoken):
            builder.warnings.append(translate("ImportSubtitles", "cue {number}: dropped the sound description {text}")
                                    .format(number=number, text=spoken))
            continue
        speaker = NARRATOR
        if voices:
            named = speaker_name(voices[0])
            if len(voices) > 1:
                builder.warnings.append(translate(
                    "ImportSubtitles", "cue {number} has several voices ({voices}): read as {speaker}'s").format(
                    number=number, voices=", ".join(voices), speaker=named or NARRATOR))
            if named is None:
                builder.warnings.append(translate(
                    "ImportSubtitles", "cue {number}: the voice '{voice}' can't be a speaker name: read by the "
                                       "narrator").format(number=number, voice=voices[0]))
            speaker = named or NARRATOR
        elif is_speaker_row(spoken):
            name, _colon, spoken = spoken.partition(":")
            speaker = name.split("[", 1)[0].strip()  # directives in a subtitle are not read
        target = (caption.start_time.in_milliseconds() / 1000, caption.end_time.in_milliseconds() / 1000)
        builder.paragraph()
        builder.line(speaker, spoken, Directives(target=target))
    return builder.script(), builder.warnings
