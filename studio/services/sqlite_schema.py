"""A SQLite database's schema, versioned: migration i takes it from version i to i + 1 (the Library's
database and a production's use the same rule: append a migration, never edit a released one)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from studio.words import translate


class NewerSchema(RuntimeError):
    """The database was written by a newer MiniMax Studio: opening it could lose what that version keeps."""


def schema_version(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT version FROM schema_version").fetchone()[0])


def migrate(db: sqlite3.Connection, migrations: tuple[str, ...], db_path: Path) -> None:
    """Bring `db` (opened with isolation_level=None) to the last of `migrations`, one transaction each."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone() is None:
        with transaction(db):
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            if db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 0:
                db.execute("INSERT INTO schema_version VALUES (0)")
    version = schema_version(db)
    if version > len(migrations):
        raise NewerSchema(translate(
            "DatabaseSchema", "{path} was written by a newer MiniMax Studio (schema {version}); update the app").format(
            path=db_path, version=version))
    for number in range(version, len(migrations)):
        with transaction(db):
            for statement in migrations[number].split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("UPDATE schema_version SET version = ?", (number + 1,))


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
