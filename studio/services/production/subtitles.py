"""Subtitles: what a take says, sentence by sentence, placed on its audio; and SRT / WebVTT text.

Cue text is what was spoken: `<#1.5#>` pause markers and `(laughs)`-style tags removed, whitespace tidied.
A take's sentences are placed on its audio by its silences (`align_sentences`): the text says how many
sentence boundaries and pause markers there are and in what order, the audio where its silences are; each
boundary gets one silence, in order, the longest that fit (a marker's silence must be about as long as the
marker asks). Only when the audio has fewer silences than the text has boundaries are times shared out by
character count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studio.api.models.speech import T2A_TEXT_LIMIT
from studio.services.production.segment import PAUSE_MARKER, split_units

if TYPE_CHECKING:
    from studio.services.production.assemble import Timeline

# An interjection tag as MiniMax writes them (docs/protocol.md#pause-markers-and-tags): one lower-case word,
# maybe hyphenated, in parentheses: "(laughs)", "(clear-throat)". Prose in parentheses has spaces and stays,
# and so does an abbreviation, which is read aloud: "(NASA)".
TAG = re.compile(r"\(\s*[a-z]+(?:-[a-z]+)*\s*\)")
_PAUSE_SECONDS = re.compile(r"<#\s*(\d+(?:\.\d+)?)\s*#>")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?…。，！？])")
_ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"'”’»)\]}」』）】〕]*$")
_CLAUSE_END = re.compile(r"(?<=[,;:，；：、])\s+")
MAX_CUE_CHARS = 84  # two lines of 42 characters, the usual most a subtitle shows at once
# A pause marker's silence, as measured, may be shorter than asked by a little (the speech around it fades).
MARKER_SILENCE_FRACTION = 0.75


@dataclass(frozen=True)
class Cue:
    """One subtitle: a sentence, where it sits (seconds from the start of its file) and who says it."""

    start_s: float
    end_s: float
    text: str
    speaker: str = ""


def spoken_text(text: str) -> str:
    """`text` as heard: pause markers and tags removed, whitespace collapsed, no space before punctuation."""
    text = TAG.sub(" ", PAUSE_MARKER.sub(" ", text))
    return _SPACE_BEFORE_MARK.sub(r"\1", " ".join(text.split()))


@dataclass(frozen=True)
class _Part:
    text: str  # spoken text of one stretch between cuts
    sentence: int  # which sentence it belongs to (a sentence may continue across a pause marker)


def _parts(text: str) -> tuple[list[_Part], list[float | None]]:
    """The stretches of speech `text` makes, in order, and between each two the cut that separates them:
    the seconds of a pause marker, or None for a sentence boundary with no marker."""
    parts: list[_Part] = []
    cuts: list[float | None] = []
    pending_pause: float | None = None
    sentence = -1
    open_sentence = False  # the last part ended mid-sentence (a marker inside a sentence)
    pieces = _PAUSE_SECONDS.split(text)  # text, seconds, text, seconds, …, text
    for index in range(0, len(pieces), 2):
        piece = pieces[index]
        sentences = split_units(piece, max_chars=T2A_TEXT_LIMIT - 1) if piece.strip() else []
        for number, raw in enumerate(sentences):
            continues = number == 0 and open_sentence and pending_pause is not None
            if parts:
                cuts.append(pending_pause if number == 0 else None)
            if not continues:
                sentence += 1
            parts.append(_Part(spoken_text(raw), sentence))
        if sentences:
            last = parts[-1].text
            open_sentence = bool(last) and not _ENDS_SENTENCE.search(last)
            pending_pause = None
        if index + 1 < len(pieces):
            pending_pause = (pending_pause or 0.0) + float(pieces[index + 1])
    return parts, cuts


def align_sentences(text: str, speech: tuple[int, int], silences: Sequence[tuple[int, int]],
                    sample_rate: int) -> list[tuple[str, int, int]]:
    """(sentence, first sample, end sample) for each spoken sentence of `text`, on a take whose speech runs
    over `speech` (samples) with the silences `silences` inside it (in order, as (start, end) samples)."""
    parts, cuts = _parts(text)
    if not parts:
        return []
    chosen = _choose_silences(cuts, silences, sample_rate)
    if chosen is None:
        bounds = _by_characters(parts, speech)
    else:
        starts = [speech[0], *(silences[i][1] for i in chosen)]
        ends = [*(silences[i][0] for i in chosen), speech[1]]
        bounds = list(zip(starts, ends, strict=True))
    sentences: dict[int, tuple[list[str], int, int]] = {}
    for part, (start, end) in zip(parts, bounds, strict=True):
        words, first, last = sentences.get(part.sentence, ([], start, end))
        if part.text:
            words.append(part.text)
        sentences[part.sentence] = (words, min(first, start), max(last, end))
    return [cue for words, first, last in sentences.values() if words
            for cue in _for_reading(" ".join(words), first, last, silences, sample_rate)]


def _for_reading(sentence: str, first: int, end: int, silences: Sequence[tuple[int, int]],
                 sample_rate: int) -> list[tuple[str, int, int]]:
    """A sentence longer than MAX_CUE_CHARS as several cues, cut at its clause marks (`, ; :`) where the
    audio has a silence for each; kept whole when it hasn't."""
    clauses = _CLAUSE_END.split(sentence)
    if len(sentence) <= MAX_CUE_CHARS or len(clauses) < 2:
        return [(sentence, first, end)]
    inside = [silence for silence in silences if first < silence[0] and silence[1] < end]
    chosen = _choose_silences([None] * (len(clauses) - 1), inside, sample_rate)
    if chosen is None:
        return [(sentence, first, end)]
    starts = [first, *(inside[i][1] for i in chosen)]
    ends = [*(inside[i][0] for i in chosen), end]
    cues: list[tuple[str, int, int]] = []
    for clause, start, stop in zip(clauses, starts, ends, strict=True):
        if cues and len(cues[-1][0]) + 1 + len(clause) <= MAX_CUE_CHARS:
            cues[-1] = (f"{cues[-1][0]} {clause}", cues[-1][1], stop)
        else:
            cues.append((clause, start, stop))
    return cues


def _choose_silences(cuts: Sequence[float | None], silences: Sequence[tuple[int, int]],
                     sample_rate: int) -> list[int] | None:
    """One silence per cut, in order, maximising the total silence chosen; a marker's cut only takes a
    silence at least MARKER_SILENCE_FRACTION of its length. None when no such choice exists."""
    k, g = len(cuts), len(silences)
    if k == 0:
        return []
    if g < k:
        return None
    lengths = [end - start for start, end in silences]
    minimum = [0 if cut is None else cut * MARKER_SILENCE_FRACTION * sample_rate for cut in cuts]
    impossible = float("-inf")
    # best[i][j]: the best total for the first i cuts using silences before j; pick[i][j]: whether silence
    # j-1 serves cut i-1 on that best path.
    best = [[0.0] * (g + 1)] + [[impossible] * (g + 1) for _ in range(k)]
    pick = [[False] * (g + 1) for _ in range(k + 1)]
    for i in range(1, k + 1):
        for j in range(1, g + 1):
            skip = best[i][j - 1]
            take = best[i - 1][j - 1] + lengths[j - 1] if lengths[j - 1] >= minimum[i - 1] else impossible
            if take > skip and take > impossible:
                best[i][j], pick[i][j] = take, True
            else:
                best[i][j] = skip
    if best[k][g] == impossible:
        return None
    chosen: list[int] = []
    i, j = k, g
    while i:
        if pick[i][j]:
            chosen.append(j - 1)
            i -= 1
        j -= 1
    return chosen[::-1]


def _by_characters(parts: Sequence[_Part], speech: tuple[int, int]) -> list[tuple[int, int]]:
    """The speech shared out by spoken characters: only when the audio has too few silences to tell."""
    weights = [max(len(part.text), 1) for part in parts]
    total, span = sum(weights), speech[1] - speech[0]
    bounds, done = [], 0
    for weight in weights:
        start = speech[0] + span * done // total
        done += weight
        bounds.append((start, speech[0] + span * done // total))
    return bounds


# -- text formats ----------------------------------------------------------------------------------


def _stamp(seconds: float, separator: str) -> str:
    total = max(0, round(seconds * 1000))
    return (f"{total // 3_600_000:02d}:{total // 60_000 % 60:02d}:{total // 1000 % 60:02d}"
            f"{separator}{total % 1000:03d}")


def srt_document(cues: Iterable[Cue], *, speakers: bool = False) -> str:
    """SubRip: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the text (`SPEAKER: text` with `speakers`),
    a blank line. Cues without text are left out."""
    blocks = []
    for number, cue in enumerate((c for c in cues if c.text.strip()), start=1):
        text = f"{cue.speaker}: {cue.text.strip()}" if speakers and cue.speaker else cue.text.strip()
        blocks.append(f"{number}\n{_stamp(cue.start_s, ',')} --> {_stamp(cue.end_s, ',')}\n{text}\n")
    return "\n".join(blocks)


def vtt_document(cues: Iterable[Cue], *, speakers: bool = False) -> str:
    """WebVTT: `WEBVTT`, then per cue `HH:MM:SS.mmm --> HH:MM:SS.mmm` and its text, with `<v SPEAKER>` in
    front when `speakers`."""
    blocks = ["WEBVTT\n"]
    for cue in cues:
        text = _vtt_escape(cue.text.strip())
        if not text:
            continue
        if speakers and cue.speaker:
            text = f"<v {_vtt_escape(cue.speaker)}>{text}"
        blocks.append(f"{_stamp(cue.start_s, '.')} --> {_stamp(cue.end_s, '.')}\n{text}\n")
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def srt_text(timeline: Timeline, *, speakers: bool = False, chapter: int | None = None) -> str:
    """The assembled timeline's subtitles as SRT, one cue per sentence; with `chapter` (an index into
    `timeline.chapters`), that chapter's, for its own file."""
    return srt_document(timeline.cues(chapter), speakers=speakers)


def vtt_text(timeline: Timeline, *, speakers: bool = False, chapter: int | None = None) -> str:
    """The assembled timeline's subtitles as WebVTT, one cue per sentence (`<v SPEAKER>` with `speakers`);
    with `chapter`, that chapter's, for its own file."""
    return vtt_document(timeline.cues(chapter), speakers=speakers)
