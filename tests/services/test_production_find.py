"""Find and replace in a production's script, as the Productions panel's find bar asks for it: matches in the
lines' words (never the speakers' names), and a replace-all that writes script.md once, keeps the lines' ids
(so their takes) and refuses a result edit_line would refuse, before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.api.errors import InputError
from studio.services.production.editing import create_sample, edit_line
from studio.services.production.find import find_matches, replace_matches
from studio.services.production.script import Script
from studio.services.production.store import LineChanges, Production


def sample(tmp_path: Path) -> Production:
    return create_sample(tmp_path, shared_cache=tmp_path / "cache")


def found(production: Production, query: str, **options: bool) -> list[tuple[int, str]]:
    """(line number, matched text) of each match, read from the line's text at the match's offsets."""
    texts = {record.id: record.line.text for record in production.lines()}
    return [(match.line_number, texts[match.line_id][match.start:match.end])
            for match in find_matches(production, query, **options)]


def test_find_is_case_insensitive_by_default_and_whole_word_when_asked(tmp_path: Path) -> None:
    production = sample(tmp_path)
    assert found(production, "the sun") == [(5, "the Sun"), (6, "The Sun")]
    assert found(production, "the sun", match_case=True) == []
    assert found(production, "The Sun", match_case=True) == [(6, "The Sun")]
    assert 3 in [number for number, _ in found(production, "the")]  # "Why are there two high tides"
    assert 3 not in [number for number, _ in found(production, "the", whole_words=True)]
    assert found(production, "tide", whole_words=True) == []
    assert found(production, "Sun?", whole_words=True) == [(5, "Sun?")]  # an end that is no letter: no rule there
    assert found(production, "HOST") == []  # speakers' names are not searched
    assert find_matches(production, "") == []
    numbers = [match.line_number for match in find_matches(production, "tides")]
    assert numbers == sorted(numbers) and set(numbers) == {1, 3, 4, 6}  # in reading order


def test_offsets_are_the_texts_own_around_letters_whose_case_changes_their_length(tmp_path: Path) -> None:
    production = sample(tmp_path)
    edit_line(production, 5, text="Die Straße nach İstanbul, the Sun and the SUN.")
    assert found(production, "sun")[:3] == [(5, "Sun"), (5, "SUN"), (6, "Sun")]
    assert found(production, "istanbul") == [(5, "İstanbul")]  # "İ".casefold() is two characters
    assert found(production, "STRAẞE") == [(5, "Straße")]
    replace_matches(production, "sun", "moon", line_ids=[production.line(5).id])
    assert production.line(5).line.text == "Die Straße nach İstanbul, the moon and the moon."


def test_replace_all_changes_only_matching_lines_writes_once_and_keeps_every_lines_id(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    production = sample(tmp_path)
    script_path = production.path / "script.md"
    before = script_path.read_text(encoding="utf-8")
    ids = [record.id for record in production.lines()]
    saves: list[Script] = []
    save = production.save_script

    def counted(script: Script) -> LineChanges:
        saves.append(script)
        return save(script)

    monkeypatch.setattr(production, "save_script", counted)
    result = replace_matches(production, "tides", "waves")
    assert len(saves) == 1
    assert script_path.read_text(encoding="utf-8") == before.replace("tides", "waves")  # "# Tides" is a heading
    assert (result.replacements, result.lines) == (4, 4)
    assert [record.id for record in production.lines()] == ids  # each line its own: its takes stay its own
    assert sorted(result.changes.edited) == sorted(ids[n - 1] for n in (1, 3, 4, 6))
    assert not (result.changes.added or result.changes.removed or result.changes.moved)
    nothing = replace_matches(production, "tides", "waves")
    assert (nothing.replacements, nothing.lines, bool(nothing.changes)) == (0, 0, False)
    assert len(saves) == 1  # nothing to replace: nothing written


def test_replace_in_some_lines_or_at_one_match_leaves_the_rest(tmp_path: Path) -> None:
    production = sample(tmp_path)
    line_3 = production.line(3)
    result = replace_matches(production, "TIDES", "waves", line_ids=[line_3.id])
    assert result.changes.edited == [line_3.id] and result.replacements == 1
    assert [m.line_number for m in find_matches(production, "tides")] == [1, 4, 6]
    twos = [match for match in find_matches(production, "two") if match.line_number == 4]  # "Two bulges, two high"
    result = replace_matches(production, "two", "2", matches=[twos[1]])
    assert result.replacements == 1 and result.changes.edited == [twos[1].line_id]
    assert production.line(4).line.text.endswith("Two bulges, 2 high tides.")


def test_a_replacement_that_empties_a_line_is_refused_naming_it_and_nothing_is_written(tmp_path: Path) -> None:
    production = sample(tmp_path)
    script_path = production.path / "script.md"
    before = script_path.read_bytes()
    ids = [record.id for record in production.lines()]
    for empty in ("", "  ", "\n"):
        with pytest.raises(InputError, match="line 5 would be empty") as refused:
            replace_matches(production, "and the sun?", empty)
        assert refused.value.field == "line 5"
        assert script_path.read_bytes() == before
    assert [record.id for record in production.lines()] == ids
    edit_line(production, 5, text="Tides!")
    before = script_path.read_bytes()
    with pytest.raises(InputError, match="line 5 would be empty"):  # lines 1, 3 and 4 would be fine: not written
        replace_matches(production, "tides!", "")
    assert script_path.read_bytes() == before


def test_a_replacement_that_looks_like_a_speaker_line_or_a_heading_reads_back_as_the_same_line(
        tmp_path: Path) -> None:
    """As with edit_line: script.md writes such a line behind its speaker (`HOST: GUEST: …`), so it stays one
    line of the same speaker; a line break in the replacement is a space, as in edit_line."""
    production = sample(tmp_path)
    count = len(production.lines())
    replace_matches(production, "And the Sun?", "GUEST: and the Sun?")
    replace_matches(production, "Thanks for having me.", "# Part two\n\nHOST: thanks.")
    assert production.line(5).line.text == "GUEST: and the Sun?" and production.line(5).line.speaker == "HOST"
    assert production.line(2).line.text.startswith("# Part two HOST: thanks. I have been waiting")
    with Production.open(production.path, shared_cache=tmp_path / "cache") as reopened:
        assert reopened.script.lines() == production.script.lines()
        assert len(reopened.lines()) == count
