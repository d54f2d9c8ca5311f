"""The Productions panel's line table as a person sees it, painted by LineDelegate in a real QTableWidget and
checked on grabbed pixels: pause markers and interjection tags tinted, one colour per speaker (readable in
both themes), wrapped lines given the height their words need, the pinned take's waveform beside its state,
and editing in place writing plain text. line_peaks against a production the emulator rendered."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem

from studio.api.client import MiniMaxClient
from studio.emulator import DEMO_KEY, EmulatorConfig
from studio.qt.theme import palette_for
from studio.services.production.editing import create_sample
from studio.services.production.peaks import line_peaks
from studio.services.production.render import Renderer, Unpaced
from studio.services.production.store import Production
from studio.settings.settings import Scheme
from studio.ui.production_lines import HUES, WAVEFORM_ROOM, LineDelegate, chip_colours, speaker_hue
from studio.ui.script_editor import pause_tint, tag_tint
from tests.gui.test_theme import contrast
from tests.threaded_emulator import emulator_in_thread

pytestmark = pytest.mark.timeout(60)

COLUMNS = ("#", "Speaker", "Line", "State")  # as the panel has them
SPEAKER, TEXT, STATE = 1, 2, 3
Row = tuple[int, str, str, str]  # line id, speaker, text, state


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Production]:
    """The sample production with its first four lines rendered by the emulator (the rest are not)."""
    folder = tmp_path_factory.mktemp("lines")
    production = create_sample(folder, shared_cache=folder / "cache")

    async def render() -> None:
        with emulator_in_thread(EmulatorConfig()) as emulator:
            async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
                await Renderer(client, production, pacer=Unpaced()).render(production.units(production.lines()[:4]))

    asyncio.run(render())
    yield production
    production.close()


def line_table(rows: list[Row], scheme: Scheme = "light", size: tuple[int, int] = (900, 300),
               ) -> tuple[QTableWidget, LineDelegate]:
    """The panel's line table (its columns, flags, wrap and sizing) in the app's palette, shown."""
    table = QTableWidget(len(rows), len(COLUMNS))
    table.setPalette(palette_for(scheme))  # type: ignore[arg-type]
    table.setHorizontalHeaderLabels(COLUMNS)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    delegate = LineDelegate(SPEAKER, TEXT, STATE, table)
    table.setItemDelegate(delegate)
    delegate.set_speakers([speaker for _, speaker, _, _ in rows])
    for row, (line_id, speaker, text, state) in enumerate(rows):
        for column, value in enumerate((str(row + 1), speaker, text, state)):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, line_id)
            if column not in (SPEAKER, TEXT):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, column, item)
    heading = table.horizontalHeader()
    heading.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    heading.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
    heading.resizeSection(STATE, table.fontMetrics().horizontalAdvance("to render") + 24 + WAVEFORM_ROOM)
    table.resize(*size)
    table.show()
    table.resizeColumnToContents(0)
    table.resizeColumnToContents(SPEAKER)
    table.resizeRowsToContents()
    QApplication.processEvents()
    return table, delegate


def cell_image(table: QTableWidget, row: int, column: int) -> QImage:
    rect = table.visualRect(table.model().index(row, column))
    return table.viewport().grab(rect.adjusted(0, 0, -1, -1)).toImage()  # not the grid line


def pixels(image: QImage, wanted: Callable[[QColor], bool]) -> list[QPoint]:
    return [QPoint(x, y) for y in range(image.height()) for x in range(image.width())
            if wanted(image.pixelColor(x, y))]


def over(tint: QColor, background: QColor) -> QColor:
    """`tint` drawn over `background`: the colour a person sees."""
    a = tint.alphaF()
    return QColor.fromRgbF(*(a * t + (1 - a) * b for t, b in (
        (tint.redF(), background.redF()), (tint.greenF(), background.greenF()), (tint.blueF(), background.blueF()))))


def near(colour: QColor, tolerance: int = 4) -> Callable[[QColor], bool]:
    return lambda c: max(abs(c.red() - colour.red()), abs(c.green() - colour.green()),
                         abs(c.blue() - colour.blue())) <= tolerance


def test_a_pause_marker_and_an_interjection_are_tinted_where_they_are_and_a_plain_line_is_not() -> None:
    pause = "Two bulges, <#0.4#> two high tides."
    table, _ = line_table([(1, "GUEST", pause, "cached"), (2, "HOST", "Welcome back (laughs) to Shoreline.", ""),
                           (3, "HOST", "And the Sun?", "")])
    base = table.palette().color(QPalette.ColorRole.Base)
    paused, tagged, plain = (cell_image(table, row, TEXT) for row in range(3))

    tinted = pixels(paused, near(over(pause_tint(), base)))
    assert len(tinted) > 40, "the <#0.4#> marker has no pause tint behind it"
    metrics = table.fontMetrics()
    start = 6 + metrics.horizontalAdvance(pause[:pause.index("<")])  # the cell's padding, then the words before
    end = start + metrics.horizontalAdvance("<#0.4#>")
    assert all(start - 3 <= p.x() <= end + 3 for p in tinted), "the tint is not where the marker is"
    assert len(pixels(tagged, near(over(tag_tint(), base)))) > 40, "the (laughs) tag has no tag tint"
    assert not pixels(plain, near(over(pause_tint(), base))) and not pixels(plain, near(over(tag_tint(), base)))
    assert not pixels(paused, near(over(tag_tint(), base))), "a pause marker is tinted as a tag"


def test_a_selected_row_looks_selected_with_its_words_readable_and_its_marker_still_marked() -> None:
    table, _ = line_table([(1, "GUEST", "Two bulges, <#0.4#> two high tides.", ""), (2, "HOST", "And the Sun?", "")])
    table.selectRow(0)
    table.setFocus()
    QApplication.processEvents()
    image = cell_image(table, 0, TEXT)
    palette = table.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    assert near(highlight)(image.pixelColor(2, 2)), "the selected row's text cell is not in the selection colour"
    words = pixels(image, lambda c: contrast(c, highlight) > 3)
    assert len(words) > 100, "the selected row's words don't stand out from the selection colour"
    on_selection = QColor(palette.color(QPalette.ColorRole.HighlightedText))
    on_selection.setAlphaF(0.25)
    assert len(pixels(image, near(over(on_selection, highlight)))) > 40, "the marker is lost on a selected row"


def test_each_speaker_has_a_colour_of_its_own_and_the_same_speaker_the_same_colour() -> None:
    table, delegate = line_table([(1, "HOST", "Welcome back.", ""), (2, "GUEST", "Thanks.", ""),
                                  (3, "HOST", "So, let us start.", "")])

    def chip(row: int) -> QColor:  # the chip's fill, just inside its left end, at mid-height
        image = cell_image(table, row, SPEAKER)
        return image.pixelColor(6 + 3, image.height() // 2)

    host, guest, host_again = chip(0), chip(1), chip(2)
    assert host == host_again
    apart = abs(host.hueF() - guest.hueF())
    assert min(apart, 1 - apart) > 0.2, f"HOST {host.name()} and GUEST {guest.name()} look alike"
    text, fill = delegate.speaker_colours("HOST", table.palette())
    assert near(fill, 2)(host) and contrast(text, fill) >= 4.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_speaker_colour_reads_in_both_themes(scheme: Scheme) -> None:
    palette = palette_for(scheme)
    for hue in [*HUES, *(speaker_hue(f"Speaker {n}", {}) for n in range(40))]:
        text, fill = chip_colours(hue, palette)
        assert contrast(text, fill) >= 4.5, f"hue {hue}: {text.name()} on {fill.name()} in the {scheme} theme"


def test_a_speaker_beyond_the_palette_keeps_its_colour_from_one_run_to_the_next() -> None:
    order = {f"S{n}": n for n in range(len(HUES))}
    assert [speaker_hue(f"S{n}", order) for n in range(len(HUES))] == list(HUES)
    assert len(set(HUES)) == len(HUES)
    code = "from studio.ui.production_lines import speaker_hue; print(speaker_hue('NARRATOR', {}))"
    other_process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                   cwd=Path(__file__).resolve().parents[2])
    assert int(other_process.stdout) == speaker_hue("NARRATOR", {})


def test_a_long_line_wraps_at_the_column_and_its_row_fits_every_wrapped_line() -> None:
    long = " ".join(["Because the Moon pulls the ocean towards it <#0.4#> and the Earth is pulled away."] * 4)
    table, _ = line_table([(1, "GUEST", long, ""), (2, "HOST", "And the Sun?", "")], size=(600, 400))
    short_height, long_height = table.rowHeight(1), table.rowHeight(0)
    assert long_height > 3 * short_height, "the long line was not wrapped into a taller row"
    image = cell_image(table, 0, TEXT)
    assert image.width() < table.fontMetrics().horizontalAdvance(long) / 3
    background = table.palette().color(QPalette.ColorRole.Base)
    ink = pixels(image, lambda c: contrast(c, background) > 3)
    rows_with_ink = sorted({p.y() for p in ink})
    line = table.fontMetrics().lineSpacing()
    assert rows_with_ink[0] >= 2 and rows_with_ink[-1] <= image.height() - 2, "the wrapped text is clipped"
    assert rows_with_ink[-1] > image.height() - 2 * line, "the row is taller than its words (sizeHint ≠ painting)"

    table.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Interactive)
    table.setColumnWidth(TEXT, 300)  # as a narrower window would make it
    table.resizeRowsToContents()
    assert table.rowHeight(0) > long_height


def test_editing_a_line_or_speaker_in_place_writes_plain_text() -> None:
    table, _ = line_table([(1, "HOST", "Welcome back.", ""), (2, "GUEST", "Thanks.", "")])
    changed: list[tuple[int, int, str]] = []
    table.itemChanged.connect(lambda item: changed.append((item.row(), item.column(), item.text())))
    table.activateWindow()
    typed = "Welcome <#0.5#> back (laughs), everyone."
    for column, text, how in ((TEXT, typed, "double-click"), (SPEAKER, "NARRATOR", "F2")):
        rect = table.visualRect(table.model().index(0, column))
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        if how == "F2":
            QTest.keyClick(table, Qt.Key.Key_F2)
        else:  # QTest's double-click is the second click only: the first is the one above
            QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QApplication.processEvents()
        editors = [editor for editor in table.viewport().findChildren(QLineEdit) if editor.isVisible()]
        assert len(editors) == 1, f"{how} didn't open the cell's line edit"
        editor = editors[0]
        editor.selectAll()
        QTest.keyClicks(editor, text)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
    assert changed == [(0, TEXT, typed), (0, SPEAKER, "NARRATOR")]
    assert table.item(0, TEXT).text() == typed and table.item(0, SPEAKER).text() == "NARRATOR"


def test_a_line_with_peaks_shows_its_waveform_beside_its_state(sample: Production) -> None:
    record = sample.line(1)
    table, delegate = line_table([(record.id, record.line.speaker, record.line.text, "cached"),
                                  (record.id + 100, "GUEST", "Not rendered.", "to render")])
    accent = table.palette().color(QPalette.ColorRole.Highlight)

    def bars(row: int) -> int:
        return len(pixels(cell_image(table, row, STATE), near(accent, 10)))

    assert bars(0) == 0
    delegate.set_peaks(record.id, line_peaks(sample, record))
    QApplication.processEvents()
    assert bars(0) > 30 and bars(1) == 0
    image = cell_image(table, 0, STATE)
    assert min(p.x() for p in pixels(image, near(accent, 10))) > table.fontMetrics().horizontalAdvance("cached")
    delegate.set_peaks(record.id, None)
    QApplication.processEvents()
    assert bars(0) == 0


def test_line_peaks_of_a_rendered_line_and_none_for_one_not_rendered(sample: Production) -> None:
    rendered, unrendered = sample.line(1), sample.line(6)
    peaks = line_peaks(sample, rendered)
    assert peaks is not None and len(peaks) == 48
    assert all(0.0 <= peak <= 1.0 for peak in peaks) and sum(peak > 0.05 for peak in peaks) > 24
    assert len(line_peaks(sample, rendered, buckets=12) or []) == 12
    assert line_peaks(sample, unrendered) is None


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot_of_the_sample_script(sample: Production, scheme: Scheme,
                                         screenshot: Callable[..., Path]) -> None:
    records = sample.lines()
    states = ["cached"] * 4 + ["to render"] * (len(records) - 4)
    table, delegate = line_table([(record.id, record.line.speaker, record.line.text, state)
                                  for record, state in zip(records, states, strict=True)],
                                 scheme, size=(900, 400))
    for record in records:
        delegate.set_peaks(record.id, line_peaks(sample, record))
    table.selectRow(3)  # the line with a pause marker: the marker shows on the selection too
    table.setFocus()
    QApplication.processEvents()
    path = screenshot(table, f"production-lines-{scheme}")
    assert not QImage(str(path)).isNull()
    assert QRect(QPoint(0, 0), table.viewport().size()).contains(table.visualRect(table.model().index(5, TEXT)))
