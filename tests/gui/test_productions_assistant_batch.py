"""Prepare for speech on a production large enough for the Batch API (from `BATCH_FROM_REQUESTS` requests of
`PREPARE_BATCH_LINES` lines on), as a user drives it in the Productions panel against the emulator on the
panel's own qasync loop: the lines go as one batch (uploaded, created, polled: no chat request), its answers
arrive as suggestions, and script.md changes only when they are accepted. Widgets are found by attribute, not
by their (translated) text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from studio.emulator import Emulator
from studio.services.production.assistant import (
    BATCH_FROM_REQUESTS,
    PENDING_BATCH_FILE,
    PREPARE_BATCH_LINES,
    PREPARED_FILE,
    load_templates,
    prepare_requests,
    speech_model_of,
)
from studio.services.production.script import parse_script
from studio.services.production.store import Production
from studio.settings.paths import config_dir
from studio.ui.production_assistant import PREPARE_KEY
from studio.ui.productions_panel import TEXT_COLUMN
from tests.gui.test_productions_assistant import AssistantPanel, open_prepare, shown

LINES = PREPARE_BATCH_LINES * (BATCH_FROM_REQUESTS - 1) + 10  # just into the batch's range
SPOKEN = "We walked 3 km on 12/05."
PREPARED = "We walked three kilometres on December fifth."
PLAIN = "It rained again, and the path went on along the shore."


def long_walk() -> str:
    """`LINES` lines; every 40th one (1, 41, 81 …) has something to spell out, the others read well."""
    speakers = ("HOST", "GUEST")
    return "\n\n".join(f"{speakers[n % 2]}: {SPOKEN if n % PREPARE_BATCH_LINES == 0 else PLAIN}"
                       for n in range(LINES)) + "\n"


@pytest.fixture
def panel(gui_emulator: Emulator, qapp: QApplication, run: Callable, tmp_path: Path) -> Iterator[AssistantPanel]:
    (tmp_path / "productions").mkdir()
    made = AssistantPanel(gui_emulator, tmp_path)
    yield made
    made.widget.close()
    run(made.runner.shutdown())
    run(made.client.aclose())


def test_a_large_production_is_prepared_as_a_batch_and_changes_nothing_until_accepted(
        panel: AssistantPanel, wait_until: Callable) -> None:
    created = Production.create(panel.home / "productions", "long walk", parse_script(long_walk()))
    folder = created.path
    created.close()
    panel.widget.open_folder(folder)
    production = panel.widget.production
    assert production is not None and len(production.lines()) == LINES
    script_md = production.path / "script.md"
    original = script_md.read_text(encoding="utf-8")
    # The case under test: this many lines make enough requests for the dialog to send them as a batch.
    requests = prepare_requests([(r.number, r.line) for r in production.lines()], speech_model_of(production),
                                "MiniMax-M3", load_templates(config_dir()))
    assert len(requests) >= BATCH_FROM_REQUESTS

    dialog = open_prepare(panel, wait_until)
    assert dialog.whole.isChecked() and dialog.ask_button.isEnabled() and dialog.estimate.text()
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.ask_button.click()
    wait_until(lambda: dialog.pages.currentIndex() == 1, timeout=60, message="the batch's suggestions never arrived")
    assert not panel.runner.is_busy(PREPARE_KEY)

    sent = [request.path for request in panel.emulator.requests]
    assert panel.chats() == 0, "a batch, not one request per part"
    assert sent.count("/v1/files/upload") == 1 and sent.count("/v1/batches") == 1
    assert any(path.startswith("/v1/batches/batch_") for path in sent)  # polled until done
    assert dialog.progress.maximum() == len(requests) and seen and max(seen) <= len(requests)
    assert [(b.transport, b.endpoint) for b in panel.emulator.billed_tokens] == [("batch", "/v1/batches")] * len(
        requests)  # each part billed once, at the batch's price

    preparation = dialog.preparation
    assert preparation is not None
    numbers = [n + 1 for n in range(0, LINES, PREPARE_BATCH_LINES)]
    assert [s.number for s in preparation.suggestions] == numbers
    assert all(s.after.text == PREPARED for s in preparation.suggestions)
    rows = dialog.suggestion_rows()
    assert len(rows) == len(numbers) and all(checked and PREPARED in text for checked, text in rows)
    assert script_md.read_text(encoding="utf-8") == original  # nothing changed yet
    assert (production.path / PREPARED_FILE).is_file()  # paid for: kept at once
    assert not (production.path / PENDING_BATCH_FILE).exists()  # collected: nothing left to collect

    dialog.accept_button.click()
    wait_until(lambda: not shown(dialog), message="Accept did not close the dialog")
    changed = script_md.read_text(encoding="utf-8")
    assert changed != original and changed.count(PREPARED) == len(numbers) and SPOKEN not in changed
    assert changed.count(PLAIN) == LINES - len(numbers)  # the others as they were
    assert production.line(1).line.text == PREPARED and production.line(2).line.text == PLAIN
    assert panel.widget.lines.item(0, TEXT_COLUMN).text() == PREPARED  # type: ignore[union-attr]
    assert panel.chats() == 0
