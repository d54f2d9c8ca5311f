"""script.md: what a person writes by hand is read as the lines they meant, and written back unchanged."""

from __future__ import annotations

import pytest

from studio.services.production.script import (
    NARRATOR,
    Chapter,
    Directives,
    Script,
    ScriptError,
    ScriptLine,
    format_script,
    parse_script,
)

EPISODE = """\
Cold open, before any chapter.

# Part one: the tide
HOST: Welcome back to the show. <#0.5#> Today we talk about tides.
GUEST [emotion=happy speed=1.1 pause=0.8]: Thanks for having me (laughs).
HOST: So, where do we start?
It's a big subject.

Note: this paragraph has no speaker, so it is the narrator's,
and this second row continues it.

# Part two
主持人: 欢迎。
DR. LEE: A name may have dots and spaces.
"""


def test_a_hand_written_script_is_read_as_chapters_speakers_paragraphs_and_directives() -> None:
    script = parse_script(EPISODE)
    assert [c.title for c in script.chapters] == ["", "Part one: the tide", "Part two"]
    assert script.chapters[0].lines == (ScriptLine(NARRATOR, "Cold open, before any chapter.", Directives(), 0),)
    one = script.chapters[1].lines
    assert [(line.speaker, line.paragraph) for line in one] == [("HOST", 0), ("GUEST", 0), ("HOST", 0),
                                                               (NARRATOR, 1)]
    assert one[0].text == "Welcome back to the show. <#0.5#> Today we talk about tides."  # MiniMax syntax kept
    assert one[1].directives == Directives("happy", 1.1, 0.8) and one[1].text == "Thanks for having me (laughs)."
    assert one[2].text == "So, where do we start? It's a big subject."  # a row without a speaker continues
    assert one[3].text.startswith("Note: this paragraph") and one[3].text.endswith("continues it.")
    assert script.speakers() == [NARRATOR, "HOST", "GUEST", "主持人", "DR. LEE"]


def test_writing_a_script_back_and_reading_it_again_gives_the_same_script() -> None:
    script = parse_script(EPISODE)
    assert parse_script(format_script(script)) == script
    assert format_script(parse_script(format_script(script))) == format_script(script)


def test_narration_that_looks_like_a_speaker_or_a_heading_survives_the_round_trip() -> None:
    tricky = Script((Chapter("Only", (
        ScriptLine(NARRATOR, "WARNING: this is narration, not a speaker.", Directives(), 0),
        ScriptLine(NARRATOR, "# not a heading", Directives(), 1),
        ScriptLine("HOST", "Hello.", Directives(), 2),
        ScriptLine(NARRATOR, "Narration inside the host's paragraph.", Directives(), 2),
        ScriptLine(NARRATOR, "Calm narration.", Directives(emotion="calm"), 3),
    )),))
    assert parse_script(format_script(tricky)) == tricky


@pytest.mark.parametrize(("row", "rule"), [
    ("HOST [speed=3]: Too fast.", "speed must be between 0.5 and 2"),
    ("HOST [pause=-1]: Hm.", "pause must be between 0 and 60"),
    ("HOST [volume=2]: Loud.", "unknown directive volume"),
    ("HOST [speed=fast]: Hm.", "speed must be a number"),
    ("HOST [happy]: Hm.", "write key=value"),
])
def test_a_broken_directive_names_the_line_and_the_rule(row: str, rule: str) -> None:
    with pytest.raises(ScriptError) as caught:
        parse_script(f"# One\n\n{row}\n")
    assert str(caught.value).startswith("script.md line 3: ") and rule in str(caught.value)
