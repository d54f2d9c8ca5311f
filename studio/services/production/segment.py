"""Text → render units: sentences, each small enough to send and to re-render alone.

A unit is a slice of the text (no characters added, removed or reordered): the text is the units joined
by the whitespace that stood between them. Boundaries are sentence ends (`.`, `!`, `?`, `…`, `。`, `！`,
`？`, with the closing quotes and brackets after them) and blank lines. Not boundaries: abbreviations and
initials ("Dr.", "e.g.", "U.S."), decimals ("3.5"), a terminator followed by a lower-case word ("'Why?'
she asked"), anything inside a `<#1.5#>` pause marker or a short `(laughs)`-style tag. A pause marker may
not start or end a request (docs/protocol.md#pause-markers-and-tags), so the sentences on both sides of
one stay in one unit. A sentence longer than `max_chars` is cut at its last clause boundary (`;`, `:`,
`,`, `—`) within the limit, else at its last space; one that can't be cut raises `UnsplittableTextError`.
"""

from __future__ import annotations

import bisect
import re

from studio.api.models.speech import T2A_TEXT_LIMIT
from studio.errors import StudioError
from studio.words import translate

# Below the API's 10,000 (docs/protocol.md#limits), below the 5,000 an older MiniMax document gave, and at
# the size above which MiniMax recommends streaming: a unit of this size works over every transport.
DEFAULT_MAX_CHARS = 3_000
MAX_TAG_CHARS = 40  # "(laughs)", "(clear-throat)": longer parentheses are prose and may be cut

_TERMINATORS = ".!?…。！？"
_CJK_TERMINATORS = "。！？"
_CLOSERS = "\"'”’»)]}」』）】〕"
_SENTENCE_END = re.compile(rf"[{re.escape(_TERMINATORS)}]+[{re.escape(_CLOSERS)}]*")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_PROTECTED = re.compile(rf"<#[^<>#]*#>|\([^()\n]{{1,{MAX_TAG_CHARS}}}\)|（[^（）\n]{{1,{MAX_TAG_CHARS}}}）")
PAUSE_MARKER = re.compile(r"<#[^<>#]*#>")  # as the API reads it (docs/protocol.md#pause-markers-and-tags)
_CLAUSE = re.compile(r"[;:,—；：，、]")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Words that end in a full stop without ending the sentence (compared without the final dot, lower-case).
ABBREVIATIONS = frozenset("""
    mr mrs ms mx dr prof st jr sr rev gen col capt lt sgt hon fr sen rep gov pres
    vs etc e.g i.e cf al approx ca fig figs vol vols p pp ch sec eq dept est inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur fri sat sun
    mt ft ave blvd rd
""".split())
_BEFORE_NUMBER = frozenset({"no", "nos", "art"})  # "No. 5": a full stop only before a number
_INITIALS = re.compile(r"(?:[^\W\d_]\.){1,3}[^\W\d_]")  # "U.S" "e.g" "U.S.A" (the final dot is the terminator)


class UnsplittableTextError(StudioError):
    """A sentence is longer than a unit may be and has no clause boundary or space to cut it at."""


def split_units(text: str, *, max_chars: int = DEFAULT_MAX_CHARS, group_short: int = 0) -> list[str]:
    """`text` as render units of at most `max_chars` characters (one sentence each by default). With
    `group_short=N`, consecutive sentences are merged while the merged unit stays at most N characters (and
    at most `max_chars`), so short sentences share a request. Raises UnsplittableTextError naming the rule."""
    if not 1 <= max_chars < T2A_TEXT_LIMIT:
        raise ValueError(translate("Segmenting", "max_chars must be 1–{highest:,} (the API takes fewer than "
                                                 "{limit:,} characters a request); got {max_chars:,}").format(
            highest=T2A_TEXT_LIMIT - 1, limit=T2A_TEXT_LIMIT, max_chars=max_chars))
    protected, pauses = _Spans(_PROTECTED, text), _Spans(PAUSE_MARKER, text)
    spans = _merge_around_pauses(text, _sentences(text, protected), pauses)
    fitted = [piece for span in spans for piece in _fit(text, span, max_chars, protected, pauses)]
    return [text[start:end] for start, end in _group(fitted, min(group_short, max_chars))]


class _Spans:
    """Non-overlapping (start, end) spans in text order, asked about in O(log n)."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        spans = [m.span() for m in pattern.finditer(text)]
        self._starts = [start for start, _end in spans]
        self._ends = [end for _start, end in spans]
        self.starts, self.ends = set(self._starts), set(self._ends)

    def inside(self, position: int) -> bool:
        """Whether `position` falls strictly inside a span (cutting there would split it)."""
        index = bisect.bisect_left(self._starts, position) - 1
        return index >= 0 and self._ends[index] > position


def _sentences(text: str, protected: _Spans) -> list[tuple[int, int]]:
    cuts = {m.end() for m in _SENTENCE_END.finditer(text) if _ends_sentence(text, m)}
    cuts |= {m.start() for m in _BLANK_LINE.finditer(text)}
    spans, start = [], 0
    for cut in [*sorted(c for c in cuts if not protected.inside(c)), len(text)]:
        span = _stripped(text, start, cut)
        if span is not None:
            spans.append(span)
        start = cut
    return spans


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    end = match.end()
    rest = text[end:]
    if match.group()[0] in _CJK_TERMINATORS:
        return True
    if rest and not rest[0].isspace():
        return False  # "3.5", "e.g.", "Yahoo!Mail"
    following = rest.lstrip()
    if following[:1].islower():
        return False  # "'Why?' she asked", "etc. and so on"
    # The word before the stop, looked for in the 20 characters before it (searching from 0: quadratic).
    word = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start()) if match.group() == "." else None
    if word is not None:
        before = word.group(1).lower()
        if (before in ABBREVIATIONS or _is_initials(word.group(1))
                or (before in _BEFORE_NUMBER and following[:1].isdigit())):
            return False
    return True


def _is_initials(word: str) -> bool:
    """"U.S", "e.g", or one capital as in "J. R. R. Tolkien" (a lower-case letter alone ends sentences: "plan b.")."""
    return bool(_INITIALS.fullmatch(word)) or (len(word) == 1 and word.isupper())


def _stripped(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _starts_with_pause(span: tuple[int, int], pauses: _Spans) -> bool:
    return span[0] in pauses.starts


def _ends_with_pause(span: tuple[int, int], pauses: _Spans) -> bool:
    return span[1] in pauses.ends


def _merge_around_pauses(text: str, spans: list[tuple[int, int]],
                         pauses: _Spans) -> list[tuple[int, int]]:
    """A pause marker may not start or end a request: join the units on both sides of one."""
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and (_ends_with_pause(merged[-1], pauses) or _starts_with_pause(span, pauses)):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _fit(text: str, span: tuple[int, int], max_chars: int, protected: _Spans,
         pauses: _Spans) -> list[tuple[int, int]]:
    """Cut `span` into pieces of at most `max_chars`, each at the last clause boundary, else the last space."""
    pieces = []
    start, end = span
    while end - start > max_chars:
        cut = _last_cut(text, start, start + max_chars, protected, pauses)
        if cut is None:
            raise UnsplittableTextError(translate(
                "Segmenting", "the text at character {start:,} ('{excerpt}…') runs {max_chars:,} characters "
                "without a clause boundary (; : , —) or a space, so it can't be cut into units of at most "
                "{max_chars:,} characters (a request takes fewer than {limit:,}): add punctuation").format(
                start=start, excerpt=text[start:start + 40], max_chars=max_chars, limit=T2A_TEXT_LIMIT))
        before, rest = _stripped(text, start, cut), _stripped(text, cut, end)
        if before is not None:
            pieces.append(before)
        if rest is None:
            return pieces
        start = rest[0]
    pieces.append((start, end))
    return pieces


def _last_cut(text: str, start: int, limit: int, protected: _Spans, pauses: _Spans) -> int | None:
    """The last position in (start, limit] after a clause mark, else before a space, where a unit may end:
    not inside a marker or tag, and leaving no pause marker at either side of the cut."""
    window = text[start:limit + 1]

    def allowed(cut: int) -> bool:
        if cut <= start or protected.inside(cut):
            return False
        before, after = _stripped(text, start, cut), _stripped(text, cut, len(text))
        if before is None or after is None:
            return False
        return not (_ends_with_pause(before, pauses) or _starts_with_pause(after, pauses))

    clause_cuts = [start + m.end() for m in _CLAUSE.finditer(window)]
    space_cuts = [start + i for i, ch in enumerate(window) if ch.isspace()]
    for cuts in (clause_cuts, space_cuts):
        for cut in reversed(cuts):
            if cut <= limit and allowed(cut):
                return cut
    return None


def _group(spans: list[tuple[int, int]], group_short: int) -> list[tuple[int, int]]:
    grouped: list[tuple[int, int]] = []
    for span in spans:
        if grouped and span[1] - grouped[-1][0] <= group_short:
            grouped[-1] = (grouped[-1][0], span[1])
        else:
            grouped.append(span)
    return grouped
