"""Fountain screenplays (https://fountain.io), parsed with screenplain (a maintained parser).

- A scene heading (INT./EXT./EST./I/E, or forced with `.`) starts a chapter titled with it.
- A character cue names the speaker of the dialogue under it: extensions such as (V.O.), (O.S.) and
  (CONT'D) and the dual-dialogue `^` are dropped, and the name is upper-cased to the script.md rule.
- A parenthetical is a hint for the dialogue after it: one that names an emotion MiniMax renders becomes the
  line's `emotion` (table `EMOTION_WORDS`); any other (beat), (to Mary) … is dropped with a warning.
- Action (and centered text) is the narrator's, one line per paragraph. Transitions, sections, synopses,
  notes, the boneyard, page breaks and the title page are not read aloud.
"""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path
from typing import Any

from screenplain.parsers import fountain as screenplain_fountain
from screenplain.types import Action, Dialog, DualDialog, Slug

from studio.services.production.importers.base import ScriptBuilder, read_text, speaker_name
from studio.services.production.script import NARRATOR, Directives, Script
from studio.words import translate

# A word in a parenthetical → the MiniMax emotion it asks for (docs/protocol.md#voice-and-audio-settings).
# `whisper` renders only on speech-2.6 models; elsewhere the render reports it like any unsupported emotion.
EMOTION_WORDS: dict[str, str] = {
    **dict.fromkeys(("angry", "angrily", "furious", "furiously", "enraged", "irritated", "annoyed"), "angry"),
    **dict.fromkeys(("sad", "sadly", "crying", "tearful", "tearfully", "sobbing", "mournfully", "sorrowful"),
                    "sad"),
    **dict.fromkeys(("happy", "happily", "cheerful", "cheerfully", "joyful", "joyfully", "delighted",
                     "excited", "excitedly", "laughing"), "happy"),
    **dict.fromkeys(("afraid", "scared", "frightened", "fearful", "fearfully", "terrified", "nervous",
                     "nervously"), "fearful"),
    **dict.fromkeys(("disgusted", "disgust", "revolted", "repulsed"), "disgusted"),
    **dict.fromkeys(("surprised", "shocked", "astonished", "amazed", "stunned"), "surprised"),
    **dict.fromkeys(("calm", "calmly", "gently", "soothingly", "quietly"), "calm"),
    **dict.fromkeys(("whispering", "whispers", "whispered", "whisper"), "whisper"),
}
_EXTENSION = re.compile(r"\([^)]*\)|\^\s*$")
_WORD = re.compile(r"[a-z']+")


def read(path: Path) -> tuple[Script, list[str]]:
    screenplay = screenplain_fountain.parse(io.StringIO(read_text(path)))
    builder = ScriptBuilder()
    for paragraph in screenplay.paragraphs:
        if isinstance(paragraph, Slug):
            builder.chapter(str(paragraph.line))
        elif isinstance(paragraph, Action):
            builder.paragraph()
            builder.line(NARRATOR, " ".join(str(row) for row in paragraph.lines))
        elif isinstance(paragraph, Dialog):
            _dialogue(builder, paragraph)
        elif isinstance(paragraph, DualDialog):
            _dialogue(builder, paragraph.left)
            _dialogue(builder, paragraph.right)
    return builder.script(), builder.warnings


def _dialogue(builder: ScriptBuilder, dialog: Any) -> None:  # screenplain ships no types
    cue = str(dialog.character)
    speaker = speaker_name(_EXTENSION.sub(" ", cue))
    if speaker is None:
        builder.warnings.append(translate(
            "ImportFountain", "the character cue '{cue}' can't be a speaker name (it must start with a letter and "
                              "have at most 40 characters): its dialogue is read by the narrator").format(cue=cue))
        speaker = NARRATOR
    builder.paragraph()
    emotion: str | None = None
    said: list[str] = []
    # A parenthetical may run over several rows: each run of rows is one block of speech or one parenthetical.
    for is_parenthetical, rows in itertools.groupby(dialog.blocks, key=lambda block: bool(block[0])):
        text = " ".join(str(rich_text) for _is_parenthetical, rich_text in rows)
        if not is_parenthetical:
            said.append(text)
            continue
        builder.line(speaker, " ".join(said), Directives(emotion=emotion))
        said = []
        emotion = emotion_of(text)
        if emotion is None:
            builder.warnings.append(translate(
                "ImportFountain", "{speaker}: dropped the parenthetical {text}: it names no emotion MiniMax renders"
            ).format(speaker=speaker, text=text.strip()))
    builder.line(speaker, " ".join(said), Directives(emotion=emotion))


def emotion_of(parenthetical: str) -> str | None:
    """The MiniMax emotion a parenthetical such as '(angrily)' or '(to Mary, whispering)' asks for, if any."""
    for word in _WORD.findall(parenthetical.lower()):
        if word in EMOTION_WORDS:
            return EMOTION_WORDS[word]
    return None
