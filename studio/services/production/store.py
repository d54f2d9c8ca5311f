"""A production on disk: a folder a person can read, diff and back up.

    ep1.production/
      script.md            the script (see script.py), hand-editable
      cast.json            speaker → voice and settings (see cast.py)
      production.sqlite3   lines with stable ids, render units, takes, renders and their costs (WAL)
      takes/               audio as received from the API, one file per cache key, never re-encoded
      exports/             what `studio production export` writes
      render.lock          held (an OS lock) by the one process rendering it; the OS drops it with the process
      approved.json        while a render the user approved runs: its units' keys, so a studio closed or
                           killed mid-render finishes it on reopening without asking again (and no more)

The folder ends in `.production` so a file manager, a backup listing or `ls` says what it is; the
database inside is what makes a folder a production (`Production.open` refuses one without it).

Stable line identity: each line of the script has an id in the database, kept across hand edits of
script.md (see `sync_lines`), so a line's takes stay its own when other lines are added, removed or moved.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from studio.api.errors import InputError
from studio.api.hosts import Region
from studio.api.models import SubtitleItem
from studio.errors import StudioError
from studio.files import FileLock, write_atomically
from studio.services.production.assemble import TimelineLine, UnitTake
from studio.services.production.async_chapters import pending_keys
from studio.services.production.cast import CAST_FILE, Cast
from studio.services.production.long_form import read_subtitles
from studio.services.production.plan import Plan, plan
from studio.services.production.script import (
    Script,
    ScriptError,
    ScriptLine,
    format_script,
    parse_directives,
    parse_script,
)
from studio.services.production.takes import TakeStore
from studio.services.production.units import LineRecord, RenderUnit, units_of
from studio.services.sqlite_schema import NewerSchema, migrate, transaction
from studio.settings.paths import data_dir
from studio.words import translate

if TYPE_CHECKING:
    from studio.services.production.importers import ImportResult

SUFFIX = ".production"
SCRIPT_FILE = "script.md"
DB_FILE = "production.sqlite3"
TAKES_DIR = "takes"
EXPORTS_DIR = "exports"
# An edited line keeps its id when it is at least this similar to the line it replaced (difflib's ratio):
# difflib's own cutoff for a "close match". A one-word edit of a sentence scores ~0.9; a line rewritten
# below 0.6 is a new line, whose old takes could not be reused anyway.
SIMILAR_ENOUGH = 0.6
RENDER_LOCK = "render.lock"
APPROVED_FILE = "approved.json"
SHARED_CACHE = "speech-cache"  # in the data folder: takes every production on this machine can reuse
PLACE_WINDOW = 4  # an edit "in place" is within this many lines of the removed line's place in its stretch

# Migration i takes the schema from version i to i + 1. Append; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE lines (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- stable across edits, never reused
        chapter INTEGER NOT NULL,              -- index of its chapter in script.md
        position INTEGER NOT NULL,             -- index in reading order over the whole production
        speaker TEXT NOT NULL,
        text TEXT NOT NULL,
        directives TEXT NOT NULL,              -- as written between the brackets in script.md
        paragraph INTEGER NOT NULL             -- index of its paragraph within the chapter
    );
    CREATE INDEX lines_by_position ON lines (position);
    CREATE TABLE render_units (
        line_id INTEGER NOT NULL,
        position INTEGER NOT NULL,             -- index of the unit within its line
        text TEXT NOT NULL,
        cache_key TEXT NOT NULL,
        PRIMARY KEY (line_id, position)
    );
    CREATE TABLE takes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        cache_key TEXT NOT NULL UNIQUE,
        line_id INTEGER,                       -- the line it was made for (kept when the line goes)
        file TEXT NOT NULL,                    -- name in takes/
        duration_ms INTEGER,
        characters_billed INTEGER,
        trace_id TEXT,
        created_at REAL NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0      -- the take its line uses when it has several
    );
    CREATE TABLE renders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at REAL NOT NULL,
        finished_at REAL,
        status TEXT NOT NULL,                  -- running, finished, cancelled, failed
        units INTEGER NOT NULL,
        characters_estimated INTEGER NOT NULL
    );
    CREATE TABLE costs (                       -- the ledger: one row per billed request
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        render_id INTEGER REFERENCES renders (id),
        cache_key TEXT NOT NULL,
        characters_estimated INTEGER NOT NULL,
        characters_billed INTEGER,
        trace_id TEXT,
        created_at REAL NOT NULL
    )
    """,  # notr: SQL
    # A line's `take` is the take it plays (the pinned one): 0 until regenerated; it is part of its units'
    # cache keys (units.py), so takes.pinned is not used. A take row's bytes and sha256 are what its file
    # must be to be played (a torn or changed file is re-rendered).
    """
    ALTER TABLE lines ADD COLUMN take INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE takes ADD COLUMN take INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE takes ADD COLUMN bytes INTEGER;
    ALTER TABLE takes ADD COLUMN sha256 TEXT
    """,  # notr: SQL
    # A unit spoken inside a chapter's async take: its row names that take's file and the unit's part of it.
    """
    ALTER TABLE takes ADD COLUMN span_begin_ms REAL;
    ALTER TABLE takes ADD COLUMN span_end_ms REAL
    """,  # notr: SQL
)


@dataclass(frozen=True)
class LineTake:
    """One take of a line: its number and how much of its audio exists."""

    number: int
    current: bool  # the take the line plays (pinned)
    units: int
    rendered: int  # units whose audio is in takes/ and whole
    duration_ms: int
    characters_billed: int
    created_at: float | None

    @property
    def complete(self) -> bool:
        return self.rendered == self.units


class ProductionError(StudioError):
    """A folder that is not a production, or a production that can't be made or read."""


@dataclass
class LineChanges:
    """What `sync_lines` found between the lines the database knew and script.md, as line ids."""

    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    edited: list[int] = field(default_factory=list)  # text, speaker or directives changed; id kept
    moved: list[int] = field(default_factory=list)  # the same line, now elsewhere among the others

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.edited or self.moved)


@dataclass(frozen=True)
class ApprovedRender:
    keys: frozenset[str]  # the units' cache keys
    characters: int  # what the plan said it would bill when the user approved it


def folder_for(parent: Path, name: str) -> Path:
    """`parent/NAME.production` (NAME may already end in .production)."""
    return parent / (name if name.endswith(SUFFIX) else name + SUFFIX)


def _signature(line: ScriptLine) -> tuple[str, str, str]:
    return line.speaker, line.text, line.directives.as_text()


def _most_similar(line: ScriptLine, candidates: list[tuple[int, ScriptLine]]) -> int | None:
    """The index of the first of the candidates most like `line`, if at least SIMILAR_ENOUGH alike."""
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(" ".join(_signature(line)))  # the side difflib indexes, once
    best, best_ratio = None, SIMILAR_ENOUGH
    for index, candidate in candidates:
        matcher.set_seq1(" ".join(_signature(candidate)))
        # the cheap upper bounds first: a long script rewritten wholesale compares many pairs
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio or (best is None and ratio >= best_ratio):
            best, best_ratio = index, ratio
    return best


def match_lines(old: list[ScriptLine], new: list[ScriptLine]) -> tuple[dict[int, int], set[int], set[int]]:
    """Which new line (index) continues which old one: (new → old, moved new indexes, edited new indexes).

    1. Unchanged lines in the longest common order (difflib over the lines' content) keep their ids.
    2. Of the rest, a line with exactly the content of a line gone elsewhere was moved: it keeps its id.
    3. Of the rest, a new line standing where old ones were removed (between the same unchanged
       neighbours, within PLACE_WINDOW of the same place) is an edit of the most similar of them, in
       order, if at least SIMILAR_ENOUGH alike.
    """
    old_signatures, new_signatures = [_signature(x) for x in old], [_signature(x) for x in new]
    # the common head and tail first: an edit touches a few lines of many, and difflib need only see those
    head = 0
    while head < min(len(old), len(new)) and old_signatures[head] == new_signatures[head]:
        head += 1
    tail = 0
    while (tail < min(len(old), len(new)) - head
           and old_signatures[len(old) - 1 - tail] == new_signatures[len(new) - 1 - tail]):
        tail += 1
    continues: dict[int, int] = {j: j for j in range(head)}
    continues.update({len(new) - 1 - k: len(old) - 1 - k for k in range(tail)})
    matcher = difflib.SequenceMatcher(None, old_signatures[head:len(old) - tail],
                                      new_signatures[head:len(new) - tail], autojunk=False)
    gaps: list[tuple[range, range]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if tag == "equal":
            continues.update({j1 + k: i1 + k for k in range(i2 - i1)})
        else:
            gaps.append((range(i1, i2), range(j1, j2)))
    left_old = {i for old_range, _ in gaps for i in old_range}
    by_content: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i in sorted(left_old):
        by_content[_signature(old[i])].append(i)
    moved: set[int] = set()
    for _, new_range in gaps:
        for j in new_range:
            same = by_content.get(_signature(new[j]))
            if same:
                i = same.pop(0)
                continues[j], moved = i, moved | {j}
                left_old.discard(i)
    edited: set[int] = set()
    for old_range, new_range in gaps:
        candidates = [i for i in old_range if i in left_old]
        for j in new_range:
            if j in continues or not candidates:
                continue
            # "in place": near the same offset from the gap's start or end (bounds the work when a long
            # stretch is rewritten: each new line is compared with a few old ones, not all of them)
            start, end = j - new_range.start, new_range.stop - 1 - j
            near = [i for i in candidates if abs(i - old_range.start - start) <= PLACE_WINDOW
                    or abs(old_range.stop - 1 - i - end) <= PLACE_WINDOW]
            best = _most_similar(new[j], [(i, old[i]) for i in near])
            if best is not None:
                continues[j] = best
                edited.add(j)
                candidates = candidates[candidates.index(best) + 1:]  # keep the order of the lines
    return continues, moved, edited


class Production:
    """One production folder. Use `create` or `open`; close it (or use it as a context manager)."""

    def __init__(self, path: Path, *, shared_cache: Path | None = None) -> None:
        """`shared_cache`: the machine-wide take cache (takes.py); default `<data dir>/speech-cache`."""
        self.path = path
        self._db = sqlite3.connect(path / DB_FILE, isolation_level=None)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")  # notr: SQL
            self._db.execute("PRAGMA synchronous=NORMAL")  # notr: SQL
            migrate(self._db, MIGRATIONS, path / DB_FILE)
        except (sqlite3.DatabaseError, NewerSchema) as exc:
            self._db.close()  # the file stays as it is: the takes it lists are paid for
            raise ProductionError(translate("ProductionStore", "{file} can't be used: {reason}").format(
                file=path / DB_FILE, reason=exc)) from None
        self._script: Script | None = None
        self._script_stamp: tuple[int, int] | None = None
        self._cast: Cast | None = None
        self._cast_stamp: tuple[int, int] | None = None
        # the lines table as last read, with the database's data_version then (another connection's commit
        # changes it) and None after a write of our own: re-read only when one of them says it changed
        self._stored: tuple[int, list[LineRecord]] | None = None
        self._synced: tuple[tuple[int, int], int] | None = None  # script.md's stamp and data_version last synced
        self.changes_at_open = LineChanges()  # what hand edits of script.md changed since it was last open
        self.region: Region = "global"  # the account's, for its rate limits in plans (the CLI sets the key's)
        self.takes = TakeStore(self._db, path / TAKES_DIR,
                               shared_cache if shared_cache is not None else data_dir() / SHARED_CACHE)
        self._render_lock: FileLock | None = None
        self._render_depth = 0

    # -- making and opening -----------------------------------------------------------------------------

    @classmethod
    def create(cls, parent: Path, name: str, script: Script | None = None, *,
               shared_cache: Path | None = None) -> Production:
        """Make `parent/NAME.production/` with its script (empty unless given), cast, database and folders.
        Refuses a folder that already exists, so nothing in it is overwritten."""
        if not name.strip() or "/" in name or "\\" in name:
            raise ProductionError(translate(
                "ProductionStore", "a production's name must be a plain folder name (got {name})").format(
                name=repr(name)))
        path = folder_for(parent, name)
        if path.exists():
            raise ProductionError(translate(
                "ProductionStore", "{folder} already exists: pick another name, or open it").format(folder=path))
        text = format_script(script) if script is not None and script.chapters else ""
        path.mkdir(parents=True)
        try:
            for folder in (TAKES_DIR, EXPORTS_DIR):
                (path / folder).mkdir()
            write_atomically(path / SCRIPT_FILE, text.encode("utf-8"))
            write_atomically(path / CAST_FILE, Cast().to_json().encode("utf-8"))
            production = cls(path, shared_cache=shared_cache)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)  # half made, just now, holding nothing of the user's yet
            raise
        production.sync_lines()
        return production

    @classmethod
    def open(cls, path: Path, *, shared_cache: Path | None = None) -> Production:
        """Open a production folder (`ep1.production`, or `ep1` when `ep1.production` exists) and bring its
        lines up to date with script.md. ProductionError when the folder is not a production."""
        if not (path / DB_FILE).is_file() and (candidate := folder_for(path.parent, path.name)).is_dir():
            path = candidate
        if not path.is_dir():
            raise ProductionError(translate("ProductionStore", "{folder} is not a production: there is no such folder "
                                                 "(make one with `studio production new NAME`)").format(folder=path))
        if not (path / DB_FILE).is_file():
            raise ProductionError(translate("ProductionStore", "{folder} is not a production: it has no {file} "
                                                 "(make one with `studio production new NAME`)").format(
                folder=path, file=DB_FILE))
        if not (path / SCRIPT_FILE).is_file():
            raise ProductionError(translate(
                "ProductionStore", "{folder} is not a complete production: its {file} is missing").format(
                folder=path, file=SCRIPT_FILE))
        production = cls(path, shared_cache=shared_cache)
        try:
            production.changes_at_open = production.sync_lines()
        except BaseException:
            production.close()
            raise
        return production

    @classmethod
    def find(cls, start: Path) -> Production:
        """The production `start` is in (the folder itself or one of its parents), as a command run inside
        a production's folder finds it."""
        for folder in (start, *start.parents):
            if (folder / DB_FILE).is_file():
                return cls.open(folder)
        raise ProductionError(translate("ProductionStore", "{folder} is not inside a production: run the command in a "
                                             "production's folder, or give it with --production DIR").format(
            folder=start))

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def rendering(self) -> Iterator[None]:
        """Held while this production renders or plays what it renders: one process at a time, so two never
        send the same units or collect the same async task (ProductionError when another one holds it).
        Re-entrant within this Production."""
        if self._render_lock is None:
            try:
                self._render_lock = FileLock(self.path / RENDER_LOCK)
            except OSError:
                raise ProductionError(translate(
                    "ProductionStore", "{name} is being rendered or played by another window or command: wait for it "
                                       "to finish (or stop it), then try again").format(name=self.name)) from None
        self._render_depth += 1
        try:
            yield
        finally:
            self._render_depth -= 1
            if not self._render_depth:
                self._render_lock.release()
                self._render_lock = None

    def __enter__(self) -> Production:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(SUFFIX)

    @property
    def takes_dir(self) -> Path:
        return self.path / TAKES_DIR

    @property
    def exports_dir(self) -> Path:
        return self.path / EXPORTS_DIR

    # -- script -----------------------------------------------------------------------------------------

    @property
    def script(self) -> Script:
        """script.md as a Script, read again when the file changed on disk. ScriptError names a broken line."""
        script_path = self.path / SCRIPT_FILE
        stamp = _stamp(script_path)
        if self._script is None or stamp != self._script_stamp:
            self._script = parse_script(script_path.read_text(encoding="utf-8"))
            self._script_stamp = stamp
        return self._script

    def save_script(self, script: Script, *, reads_back: bool = False) -> LineChanges:
        """Write script.md (whole or not at all) and bring the lines' ids up to date. `reads_back`: the caller
        made sure `script` is what reading the file gives (`edit_line` checks the line it changed between its
        neighbours), so it is kept rather than parsed again."""
        write_atomically(self.path / SCRIPT_FILE, format_script(script).encode("utf-8"))
        if reads_back:
            self._script, self._script_stamp = script, _stamp(self.path / SCRIPT_FILE)
        return self.sync_lines()

    # -- cast -------------------------------------------------------------------------------------------

    @property
    def cast(self) -> Cast:
        """cast.json as a Cast, read again when the file changed. InputError names a setting that breaks a rule."""
        cast_path = self.path / CAST_FILE
        if not cast_path.exists():
            return Cast()
        stamp = _stamp(cast_path)
        if self._cast is None or stamp != self._cast_stamp:
            try:
                self._cast = Cast.from_json(cast_path.read_text(encoding="utf-8"))
            except InputError as exc:
                raise InputError(f"{CAST_FILE}: {exc.field}", exc.rule) from None
            self._cast_stamp = stamp
        return self._cast

    def save_cast(self, cast: Cast) -> None:
        write_atomically(self.path / CAST_FILE, cast.to_json().encode("utf-8"))

    # -- lines ------------------------------------------------------------------------------------------

    def lines(self) -> list[LineRecord]:
        """Every line with its stable id, in reading order (script.md as it is now)."""
        self.sync_lines()
        return self._stored_lines()

    def _stored_lines(self) -> list[LineRecord]:
        version = self._data_version()
        if self._stored is not None and self._stored[0] == version:
            return list(self._stored[1])
        records = []
        for row in self._db.execute(
            "SELECT id, chapter, position, speaker, text, directives, paragraph, take "
            "FROM lines ORDER BY position"  # notr: SQL
        ):
            try:
                directives = parse_directives(row[5], 0)
            except ScriptError:  # written by us from a parsed line; can't happen unless edited by hand
                raise ProductionError(translate(
                    "ProductionStore", "{file}: line {line} has unreadable directives").format(
                    file=self.path / DB_FILE, line=row[0])) from None
            records.append(LineRecord(row[0], row[1], row[2], ScriptLine(row[3], row[4], directives, row[6]), row[7]))
        self._stored = version, records
        return list(records)

    def sync_lines(self) -> LineChanges:
        """Give script.md's lines their ids: unchanged, moved and slightly edited lines keep theirs (see
        `match_lines`); the rest are new. Returns what changed since the last sync."""
        placed = self.script.lines()
        stored = self._stored_lines()
        assert self._script_stamp is not None  # set by reading the script
        if (self._script_stamp, self._data_version()) == self._synced:
            return LineChanges()
        changes = LineChanges()
        if [(record.chapter, record.line) for record in stored] != placed:
            changes = self._write_lines(stored, placed)
        self._synced = self._script_stamp, self._data_version()
        return changes

    def _data_version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])  # notr: SQL

    def _write_lines(self, stored: list[LineRecord], placed: list[tuple[int, ScriptLine]]) -> LineChanges:
        continues, moved, edited = match_lines([record.line for record in stored], [line for _, line in placed])
        changes = LineChanges()
        kept = set(continues.values())
        changes.removed = [record.id for i, record in enumerate(stored) if i not in kept]
        records: list[LineRecord] = []
        self._stored = None
        with transaction(self._db):
            if changes.removed:
                self._db.executemany("DELETE FROM lines WHERE id = ?", [(id_,) for id_ in changes.removed])  # notr: SQL
            for position, (chapter, line) in enumerate(placed):
                values = (chapter, position, line.speaker, line.text, line.directives.as_text(), line.paragraph)
                if position in continues:
                    before = stored[continues[position]]
                    record = LineRecord(before.id, chapter, position, line, before.take)
                    if record != before:  # a one-line edit writes one row, not the whole production
                        self._db.execute("UPDATE lines SET chapter = ?, position = ?, speaker = ?, text = ?, "  # notr
                                         "directives = ?, paragraph = ? WHERE id = ?", (*values, before.id))
                    if position in moved:
                        changes.moved.append(before.id)
                    elif position in edited:
                        changes.edited.append(before.id)
                else:
                    cursor = self._db.execute("INSERT INTO lines (chapter, position, speaker, text, directives, "
                                              "paragraph) VALUES (?, ?, ?, ?, ?, ?)", values)  # notr: SQL
                    assert cursor.lastrowid is not None
                    record = LineRecord(cursor.lastrowid, chapter, position, line)
                    changes.added.append(record.id)
                records.append(record)
        # our own commit leaves data_version as it was: what we wrote is what another read would give
        self._stored = self._data_version(), records
        return changes

    def line(self, number: int) -> LineRecord:
        """Line `number` (1-based, reading order); ProductionError naming the rule when there is none."""
        return _numbered(self.lines(), number)

    def select(self, *, chapters: list[int] | None = None, numbers: list[int] | None = None) -> list[LineRecord]:
        """The lines of the given chapters (1-based) and line numbers, in reading order; every line if neither."""
        lines = self.lines()
        if not chapters and not numbers:
            return lines
        count = len(self.script.chapters)
        for chapter in chapters or []:
            if not 1 <= chapter <= count:
                raise ProductionError(translate(
                    "ProductionStore", "there is no chapter {chapter}: the script's chapters are 1–{count}").format(
                    chapter=chapter, count=count))
        wanted = {_numbered(lines, number).id for number in numbers or []}
        return [record for record in lines if record.id in wanted or record.chapter + 1 in (chapters or [])]

    def set_take(self, line_id: int, take: int) -> None:
        """Make `take` the line's current (pinned) take: the one played, exported and rendered if missing."""
        self._stored = None
        self._db.execute("UPDATE lines SET take = ? WHERE id = ?", (take, line_id))  # notr: SQL

    def line_takes(self, record: LineRecord) -> list[LineTake]:
        """Every take of a line with its audio status: the ones made for it, and its current one."""
        numbers = sorted({*self.takes.take_numbers(record.id), record.take})
        found = []
        for number in numbers:
            units = units_of([record], self.cast, take_of={record.id: number})
            files = [self.takes.verified_file(unit.key, unit.settings.audio_setting.format) for unit in units]
            takes = [self.takes.get(unit.key) for unit in units]
            made = [take for take in takes if take is not None]
            found.append(LineTake(
                number, current=number == record.take, units=len(units),
                rendered=sum(file is not None for file in files),
                duration_ms=sum(take.duration_ms or 0 for take in made),
                characters_billed=sum(take.characters_billed or 0 for take in made),
                created_at=max((take.created_at for take in made), default=None)))
        return found

    def next_take(self, record: LineRecord) -> int:
        """The number a new take of the line gets: one above every take it has had."""
        return max([*self.takes.take_numbers(record.id), record.take]) + 1

    def regenerate(self, record: LineRecord) -> LineRecord:
        """Give the line a new take number (its old takes are kept); render it to make the new take."""
        self.set_take(record.id, self.next_take(record))
        return self.line(record.number)

    # -- units and plans --------------------------------------------------------------------------------

    def units(self, lines: list[LineRecord] | None = None) -> list[RenderUnit]:
        """The render units of `lines` (default: every line) with their current takes' keys."""
        return units_of(self.lines() if lines is None else lines, self.cast)

    def is_rendered(self, unit: RenderUnit) -> bool:
        return self.takes.verified_file(unit.key, unit.settings.audio_setting.format) is not None

    # -- an approved render ----------------------------------------------------------------------------

    def approve_render(self, keys: Collection[str], characters: int) -> None:
        """The user approved rendering these units for about `characters`: kept until `render_ended`, so a
        render cut short by closing (or killing) the studio can be finished without asking again."""
        data = {"keys": sorted(set(keys)), "characters": characters}
        write_atomically(self.path / APPROVED_FILE, json.dumps(data).encode("utf-8"))

    def approved_render(self) -> ApprovedRender | None:
        """The render approved and not ended, if any (an unreadable record counts as none: it only saves a
        click, and everything it named is still in the plan)."""
        try:
            data = json.loads((self.path / APPROVED_FILE).read_text(encoding="utf-8"))
            return ApprovedRender(frozenset(str(key) for key in data["keys"]), int(data["characters"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def render_ended(self) -> None:
        """The approved render finished, failed or was cancelled by the user: nothing to finish later."""
        (self.path / APPROVED_FILE).unlink(missing_ok=True)

    def rendered_units(self, units: list[RenderUnit]) -> dict[int, tuple[int, int]]:
        """Per line id: (units whose audio is in takes/ and whole, units) — a line's state for a panel."""
        state: dict[int, tuple[int, int]] = {}
        for unit in units:
            done, total = state.get(unit.line_id, (0, 0))
            state[unit.line_id] = (done + self.is_rendered(unit), total + 1)
        return state

    def timeline_lines(self, lines: list[LineRecord] | None = None) -> list[TimelineLine]:
        """The lines with their current takes, for assembly (assemble.py). ProductionError naming the lines
        whose audio is missing (render them first: `plan` shows the cost)."""
        lines = self.lines() if lines is None else lines
        titles = [chapter.title for chapter in self.script.chapters]
        units = self.units(lines)
        files = [self.takes.verified_file(unit.key, unit.settings.audio_setting.format) for unit in units]
        missing = sorted({unit.line_number for unit, path in zip(units, files, strict=True) if path is None})
        if missing:
            listed = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
            raise ProductionError(translate(
                "ProductionStore", "{count} lines have no audio yet (lines {lines}): run `studio production render` "
                                   "first (`plan` shows what it bills)").format(count=len(missing), lines=listed))
        by_line: dict[int, list[UnitTake]] = {}
        subtitles: dict[Path, tuple[SubtitleItem, ...]] = {}
        for unit, path in zip(units, files, strict=True):
            assert path is not None  # checked above
            audio = unit.settings.audio_setting
            span = self.takes.span(unit.key)
            if span is not None and path not in subtitles:  # a chapter take's sentence timings, read once
                subtitles[path] = read_subtitles(path)
            by_line.setdefault(unit.line_id, []).append(
                UnitTake(path, audio.format, audio.sample_rate, audio.channel, unit.text,
                         subtitles.get(path) or None if span is not None else None, span))
        return [TimelineLine.of(record.id, record.chapter, titles[record.chapter], record.line, by_line[record.id])
                for record in lines if record.id in by_line]

    def plan(self, units: list[RenderUnit]) -> Plan:
        """What rendering `units` needs: requests, characters to bill, time (plan.py), before anything is sent."""
        formats = {unit.key: unit.settings.audio_setting.format for unit in units}
        paid = pending_keys(self.takes)  # in an async chapter take a render collects first
        return plan([unit.planned() for unit in units],
                    lambda key: key in paid or self.takes.verified_file(key, formats[key]) is not None, self.region)


def _numbered(lines: list[LineRecord], number: int) -> LineRecord:
    if not 1 <= number <= len(lines):
        raise ProductionError(
            translate("ProductionStore", "there is no line {number}: the script's lines are 1–{count}").format(
                number=number, count=len(lines)) if lines else
            translate("ProductionStore", "there is no line {number}: the script has no lines yet").format(
                number=number))
    return lines[number - 1]


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def import_file(path: Path) -> ImportResult:
    """A script from a file, for `studio production new --import`: script.md, `SPEAKER:` or plain text,
    Markdown, Fountain, SRT/VTT, EPUB or CSV (`importers.import_script`), with the speakers to cast and what
    was dropped. A file that can't be read is a ProductionError naming it and the rule."""
    from studio.services.production.importers import ImportFailed, import_script

    try:
        return import_script(path)
    except ImportFailed as exc:
        raise ProductionError(translate("ProductionStore", "can't import {problem}").format(problem=exc)) from None
