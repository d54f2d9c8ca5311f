"""Render units: sentence boundaries, what is not one, the size limit, grouping, and that no word is lost."""

from __future__ import annotations

import random
import time

import pytest

from studio.api.models.speech import T2A_TEXT_LIMIT, pause_marker_problems
from studio.errors import StudioError
from studio.services.production.segment import DEFAULT_MAX_CHARS, UnsplittableTextError, split_units


def assert_reproduces(text: str, units: list[str]) -> None:
    """The units are the text's own slices, in order, with only whitespace between and around them."""
    position, rebuilt = 0, ""
    for unit in units:
        found = text.find(unit, position)
        assert found >= 0 and not text[position:found].strip(), (unit, text[position:found])
        assert unit == unit.strip() and unit
        rebuilt += text[position:found] + unit
        position = found + len(unit)
    assert not text[position:].strip()
    assert rebuilt + text[position:] == text
    if not any(mark in text for mark in "。！？"):  # only CJK sentences end without a space after them
        assert " ".join(units).split() == text.split()


SENTENCES = [
    ("Dr. Smith paid $3.5 million, e.g. to the U.S. Army. Then he left!",
     ["Dr. Smith paid $3.5 million, e.g. to the U.S. Army.", "Then he left!"]),
    ('He said "Stop!" and ran. "Really?" Yes. Wait… what?',
     ['He said "Stop!" and ran.', '"Really?"', "Yes.", "Wait… what?"]),
    ("'Why?' she asked. (He had gone.) Fine.", ["'Why?' she asked.", "(He had gone.)", "Fine."]),
    ("你好。我很好！真的吗？好的。", ["你好。", "我很好！", "真的吗？", "好的。"]),
    ("他说：「走吧。」然后走了。", ["他说：「走吧。」", "然后走了。"]),
    ("Version 2.0 shipped. Mr. and Mrs. Lee came, i.e. both. J. R. R. Tolkien wrote it.",
     ["Version 2.0 shipped.", "Mr. and Mrs. Lee came, i.e. both.", "J. R. R. Tolkien wrote it."]),
    ("It rained. <#1.5#> Then it stopped. And the sun came out.",
     ["It rained. <#1.5#> Then it stopped.", "And the sun came out."]),
    ("She laughed (laughs) and said no. Next.", ["She laughed (laughs) and said no.", "Next."]),
    ("See No. 5 and p. 12. Done.", ["See No. 5 and p. 12.", "Done."]),
    ("(sighs) Another day. Done.", ["(sighs) Another day.", "Done."]),
    ("A heading without a stop\n\nThe paragraph after it.", ["A heading without a stop", "The paragraph after it."]),
    ("Wait... Is it over?! Yes.", ["Wait...", "Is it over?!", "Yes."]),
    ("   \n ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[t[:24] for t, _ in SENTENCES])
def test_sentences_are_the_units_by_default(text: str, expected: list[str]) -> None:
    units = split_units(text)
    assert units == expected
    assert_reproduces(text, units)


def test_a_pause_marker_never_starts_or_ends_a_unit() -> None:
    text = "One. <#0.5#> Two. Three <#2#> four. Five."
    units = split_units(text)
    assert units == ["One. <#0.5#> Two.", "Three <#2#> four.", "Five."]
    for unit in units:
        assert not pause_marker_problems(unit), unit


def test_a_long_sentence_is_cut_at_its_last_clause_boundary_within_the_limit() -> None:
    text = "first part here; second part, third part and then a long tail without marks at all"
    assert split_units(text, max_chars=40) == [
        "first part here; second part,", "third part and then a long tail without", "marks at all"]


def test_cuts_never_fall_inside_a_tag_or_a_marker_nor_leave_a_marker_at_an_edge() -> None:
    text = "aaaa (clear-throat) bbbb <#1.25#> cccc dddd"
    for max_chars in range(len("bbbb <#1.25#> cccc"), len(text) + 1):  # the shortest unit with the marker inside
        units = split_units(text, max_chars=max_chars)
        assert all(len(unit) <= max_chars for unit in units)
        assert all(unit.count("(") == unit.count(")") for unit in units), units
        assert all(not pause_marker_problems(unit) for unit in units), units
        assert_reproduces(text, units)


def test_text_that_cannot_be_cut_names_the_rule() -> None:
    with pytest.raises(UnsplittableTextError, match=r"without a clause boundary .* add punctuation") as caught:
        split_units("x" * 50, max_chars=20)
    assert isinstance(caught.value, StudioError)


def test_max_chars_must_be_under_the_api_limit() -> None:
    with pytest.raises(ValueError, match="fewer than 10,000"):
        split_units("Hi.", max_chars=T2A_TEXT_LIMIT)
    assert DEFAULT_MAX_CHARS < T2A_TEXT_LIMIT


def test_group_short_merges_consecutive_sentences_while_the_group_stays_within_n() -> None:
    text = "Yes. No. Maybe so. This one is a much longer sentence. Ok."
    assert split_units(text, group_short=20) == [
        "Yes. No. Maybe so.", "This one is a much longer sentence.", "Ok."]
    assert split_units(text, group_short=len(text)) == [text]


CHAPTER = """Chapter One

It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, his chin nuzzled
into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory
Mansions, though not quickly enough to prevent a swirl of gritty dust from entering along with him.

The hallway smelt of boiled cabbage and old rag mats. At one end of it a coloured poster, too large for
indoor display, had been tacked to the wall. "It's 7 p.m. already?" asked Mr. O'Brien. (sighs) <#0.8#> Yes!
"""

WORDS = ["the", "Dr.", "e.g.", "U.S.", "3.5", "(laughs)", "<#1.2#>", "said", "—", "quickly", "你好", "。", "Mr.",
         "clocks", "thirteen", "“Why?”", "…", "etc.", "and", "April", "Yes!", "no?", "(breath)", "x", ";", ","]


def generated_texts(count: int) -> list[str]:
    rng = random.Random(13)
    texts = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 400))]
        texts.append("".join(word + rng.choice([" ", " ", " ", "  ", "\n", "\n\n", ""]) for word in words))
    return texts


@pytest.mark.parametrize("max_chars", [DEFAULT_MAX_CHARS, 200, 60])
def test_no_word_is_lost_added_or_moved_on_many_texts(max_chars: int) -> None:
    for text in [CHAPTER, *(text for text, _ in SENTENCES), *generated_texts(300)]:
        for group_short in (0, 120):
            try:
                units = split_units(text, max_chars=max_chars, group_short=group_short)
            except UnsplittableTextError:
                assert max_chars == 60  # only a tiny limit meets a run of 60 characters without a space
                continue
            assert all(len(unit) <= max_chars for unit in units)
            assert_reproduces(text, units)


def test_a_long_book_splits_in_linear_time() -> None:
    """A 200,000-character chapter (about four hours of speech) splits at once, not in a minute."""
    text = "He laughed (laughs) and left. It rained. <#0.5#> Then it stopped, and we went home; nobody spoke. " * 2000
    started = time.perf_counter()
    units = split_units(text)
    assert len(units) == 4000
    assert time.perf_counter() - started < 10  # 0.1–0.4 s here; the quadratic first version took 55 s
