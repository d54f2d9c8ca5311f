"""A production folder with real files and a real SQLite database: lines keep their ids across hand edits of
script.md, the cast is checked with the API's rules, and a folder that isn't a production is refused."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from studio.api.errors import InputError
from studio.services.production.cast import Cast, UncastSpeakers, Voicing
from studio.services.production.script import Directives, ScriptError, parse_script
from studio.services.production.store import DB_FILE, MIGRATIONS, SCRIPT_FILE, Production, ProductionError

WORDS = "tide moon shore salt wind harbour gull rope anchor lantern".split()


def long_script(lines: int = 200) -> str:
    """A two-chapter host + guest script; every line different, like a real one."""
    out = ["# Part one"]
    for n in range(lines):
        if n == lines // 2:
            out += ["", "# Part two"]
        speaker = "HOST" if n % 2 else "GUEST"
        out.append(f"{speaker}: Line {n} says the {WORDS[n % 10]} and the {WORDS[(n * 3) % 10]} met at dawn.")
    return "\n".join(out) + "\n"


def edit_script(production: Production, change: str) -> None:
    path = production.path / SCRIPT_FILE
    rows = path.read_text(encoding="utf-8").splitlines()
    body = [n for n, row in enumerate(rows) if ": Line " in row]  # the rows that are lines, in order
    if change == "one word in line 120":
        rows[body[120]] = rows[body[120]].replace("met at dawn", "met at dusk")
    elif change == "insert at the top":
        rows.insert(body[0], "HOST: A brand new opening line.")
    elif change == "swap lines 10 and 11":
        rows[body[10]], rows[body[11]] = rows[body[11]], rows[body[10]]
    elif change == "delete line 50":
        del rows[body[50]]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def ids_by_text(production: Production) -> dict[str, int]:
    return {record.line.text: record.id for record in production.lines()}


@pytest.fixture
def production(tmp_path: Path) -> Production:
    made = Production.create(tmp_path, "ep1", parse_script(long_script()))
    made.close()
    return Production.open(tmp_path / "ep1.production")


def test_create_makes_the_documented_folder(tmp_path: Path) -> None:
    with Production.create(tmp_path, "ep1", parse_script(long_script(4))) as made:
        assert made.path == tmp_path / "ep1.production"
        assert sorted(p.name for p in made.path.iterdir() if not p.name.startswith(DB_FILE + "-")) == [
            "cast.json", "exports", "production.sqlite3", "script.md", "takes"]
        assert made.script == parse_script(long_script(4))
        assert [record.position for record in made.lines()] == [0, 1, 2, 3]
    db = sqlite3.connect(tmp_path / "ep1.production" / DB_FILE)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT version FROM schema_version").fetchone()[0] == len(MIGRATIONS)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"lines", "render_units", "takes", "renders", "costs"} <= tables
    with pytest.raises(ProductionError, match="already exists"):
        Production.create(tmp_path, "ep1")


def test_a_one_word_edit_leaves_every_other_id_alone(production: Production) -> None:
    before = [record.id for record in production.lines()]
    edit_script(production, "one word in line 120")
    changes = production.sync_lines()
    after = production.lines()
    assert changes.edited == [before[120]] and not (changes.added or changes.removed or changes.moved)
    assert [record.id for record in after] == before
    assert after[120].line.text.endswith("met at dusk.")


def test_a_line_inserted_at_the_top_changes_no_existing_id(production: Production) -> None:
    before = ids_by_text(production)
    edit_script(production, "insert at the top")
    changes = production.sync_lines()
    after = ids_by_text(production)
    assert len(changes.added) == 1 and not (changes.removed or changes.edited or changes.moved)
    assert after.pop("A brand new opening line.") == changes.added[0]
    assert after == before
    assert changes.added[0] not in before.values()  # ids are never reused


def test_two_swapped_lines_keep_their_ids(production: Production) -> None:
    before = ids_by_text(production)
    order = [record.id for record in production.lines()]
    edit_script(production, "swap lines 10 and 11")
    changes = production.sync_lines()
    assert ids_by_text(production) == before
    assert [record.id for record in production.lines()][10:12] == [order[11], order[10]]
    assert len(changes.moved) == 1 and changes.moved[0] in order[10:12]
    assert not (changes.added or changes.removed or changes.edited)


def test_a_deleted_line_loses_its_id_and_nobody_else_changes(production: Production) -> None:
    before = ids_by_text(production)
    gone = production.lines()[50]
    edit_script(production, "delete line 50")
    changes = production.sync_lines()
    assert changes.removed == [gone.id] and not (changes.added or changes.edited or changes.moved)
    after = ids_by_text(production)
    del before[gone.line.text]
    assert after == before


def test_a_rewritten_line_gets_a_new_id(production: Production) -> None:
    old = production.lines()[5]
    path = production.path / SCRIPT_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(old.line.text, "Entirely different words here."),
                    encoding="utf-8")
    changes = production.sync_lines()
    assert changes.removed == [old.id] and len(changes.added) == 1 and not changes.edited


def test_ids_survive_closing_and_reopening(tmp_path: Path, production: Production) -> None:
    before = ids_by_text(production)
    production.close()
    edit_script(Production.open(tmp_path / "ep1.production"), "insert at the top")
    with Production.open(tmp_path / "ep1"):  # the name alone finds NAME.production
        pass
    with Production.open(tmp_path / "ep1.production") as again:
        after = ids_by_text(again)
    after.pop("A brand new opening line.")
    assert after == before


def test_save_script_writes_atomically_and_syncs(production: Production) -> None:
    script = production.script
    first = script.chapters[0]
    edited = type(script)((type(first)(first.title, first.lines[1:]), *script.chapters[1:]))
    changes = production.save_script(edited)
    assert len(changes.removed) == 1
    assert parse_script((production.path / SCRIPT_FILE).read_text(encoding="utf-8")) == edited
    assert not list(production.path.glob("*.part"))


def test_a_folder_that_is_not_a_production_is_refused(tmp_path: Path) -> None:
    (tmp_path / "holiday").mkdir()
    (tmp_path / "holiday" / "script.md").write_text("HOST: hi\n", encoding="utf-8")
    with pytest.raises(ProductionError, match=r"is not a production: it has no production.sqlite3"):
        Production.open(tmp_path / "holiday")
    with pytest.raises(ProductionError, match="no such folder"):
        Production.open(tmp_path / "nowhere")
    with pytest.raises(ProductionError, match="not inside a production"):
        Production.find(tmp_path / "holiday")
    assert sorted(p.name for p in (tmp_path / "holiday").iterdir()) == ["script.md"]


def test_a_broken_directive_is_named_and_the_lines_stay_as_they_were(tmp_path: Path,
                                                                     production: Production) -> None:
    before = ids_by_text(production)
    production.close()
    path = tmp_path / "ep1.production" / SCRIPT_FILE
    path.write_text("HOST [speed=7]: too fast\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ScriptError, match=re.escape("script.md line 1: speed must be between 0.5 and 2")):
        Production.open(tmp_path / "ep1.production")
    db = sqlite3.connect(tmp_path / "ep1.production" / DB_FILE)
    assert dict(db.execute("SELECT text, id FROM lines")) == before


def test_the_cast_lays_speaker_and_line_over_the_defaults(production: Production) -> None:
    cast = Cast(defaults=Voicing(model="speech-2.6-hd", speed=1.1, pronunciations=["Omg/Oh my god", "AI/A.I."]))
    cast = cast.with_speaker("HOST", Voicing(voice_id="English_expressive_narrator", vol=2,
                                             pronunciations=["AI/artificial intelligence"]))
    assert cast.uncast(production.script) == ["GUEST"]
    production.save_cast(cast)
    settings = production.cast.settings_for("HOST", Directives(emotion="whisper", speed=0.8))
    assert settings.model == "speech-2.6-hd"
    voice = settings.voice_setting
    assert (voice.voice_id, voice.speed, voice.vol, voice.emotion) == ("English_expressive_narrator", 0.8, 2, "whisper")
    assert settings.pronunciation_dict is not None
    assert settings.pronunciation_dict.tone == ["Omg/Oh my god", "AI/artificial intelligence"]
    assert production.cast.settings_for("HOST", Directives()).voice_setting.speed == 1.1
    with pytest.raises(UncastSpeakers, match="no voice for GUEST"):
        production.cast.settings_for("GUEST", Directives())
    mixed = cast.with_speaker("GUEST", Voicing.model_validate(
        {"mix": [{"voice_id": "a", "weight": 70}, {"voice_id": "b", "weight": 30}]}))
    weights = mixed.settings_for("GUEST", Directives()).timber_weights
    assert weights is not None and [w.weight for w in weights] == [70, 30]


@pytest.mark.parametrize(("speaker", "message"), [
    ({"speed": 3}, "cast.json: speakers.GUEST.speed must be between 0.5 and 2 (got 3"),
    ({"mix": [{"voice_id": "a", "weight": 0}]}, "cast.json: speakers.GUEST.mix[0].weight must be between 1 and 100"),
    ({"mix": [{"voice_id": str(n), "weight": 10} for n in range(5)]}, "speakers.GUEST.mix must mix 1–4 voices"),
    ({"voice_id": "a", "mix": [{"voice_id": "b", "weight": 10}]}, "voice_id can't be given with mix"),
    ({"pronunciations": ["Omg"]}, 'speakers.GUEST.pronunciations[0] must look like "from/to"'),
    ({"emotion": "grumpy"}, "speakers.GUEST.emotion must be one of 'happy'"),
    ({"voice": "typo"}, "speakers.GUEST.voice is not a known setting"),
])
def test_a_hand_edited_cast_that_breaks_a_rule_is_named(production: Production, speaker: dict[str, object],
                                                        message: str) -> None:
    (production.path / "cast.json").write_text(json.dumps({"speakers": {"GUEST": speaker}}), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        production.cast  # noqa: B018 (reading it is the check)
    assert message in str(refused.value)


def test_an_emotion_the_model_lacks_is_refused_when_cast() -> None:
    with pytest.raises(InputError, match="'whisper' is not available on speech-02-hd"):
        Cast().with_speaker("HOST", Voicing(voice_id="x", model="speech-02-hd", emotion="whisper"))


def test_several_neighbouring_edits_keep_their_ids(production: Production) -> None:
    before = [record.id for record in production.lines()]
    path = production.path / SCRIPT_FILE
    text = path.read_text(encoding="utf-8")
    for n in range(30, 36):
        text = text.replace(f"Line {n} says", f"Line {n} tells")
    path.write_text(text, encoding="utf-8")
    changes = production.sync_lines()
    assert changes.edited == before[30:36] and not (changes.added or changes.removed or changes.moved)
    assert [record.id for record in production.lines()] == before


def test_a_damaged_database_is_refused_and_left_as_it_is(tmp_path: Path, production: Production) -> None:
    production.close()
    db = tmp_path / "ep1.production" / DB_FILE
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    db.write_bytes(b"not a database, but maybe a clue to what was paid for" * 100)
    damaged = db.read_bytes()
    with pytest.raises(ProductionError, match=re.escape("production.sqlite3 can't be used: file is not a database")):
        Production.open(tmp_path / "ep1.production")
    assert db.read_bytes() == damaged
