"""The Productions panel's find bar as a user meets it: type a query (found once, after a pause), Enter and
Shift+Enter to move, Esc to close, Replace all. Real widget, real key presses; Qt's own event loop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from studio.qt.theme import palette_for, stylesheet_for
from studio.ui.production_find import DEBOUNCE_MS, FindBar
from tests.gui.qt_waits import qt_wait_until

pytestmark = pytest.mark.timeout(60)


class Recorded:
    def __init__(self, bar: FindBar) -> None:
        self.events: list[tuple[object, ...]] = []
        bar.find_changed.connect(lambda query, case, words: self.events.append(("find", query, case, words)))
        bar.next_requested.connect(lambda: self.events.append(("next",)))
        bar.previous_requested.connect(lambda: self.events.append(("previous",)))
        bar.replace_requested.connect(lambda text: self.events.append(("replace", text)))
        bar.replace_all_requested.connect(lambda text: self.events.append(("replace all", text)))
        bar.closed.connect(lambda: self.events.append(("closed",)))


def bar_shown(*, replacing: bool = False) -> tuple[FindBar, Recorded]:
    """The bar at the panel's width, the app's look, its window active (keys reach it)."""
    bar = FindBar()
    bar.setPalette(palette_for("light"))
    bar.setStyleSheet(stylesheet_for("light"))
    bar.setFixedWidth(1000)
    recorded = Recorded(bar)
    bar.open_replace() if replacing else bar.open_find()
    bar.activateWindow()
    assert QTest.qWaitForWindowActive(bar)
    return bar, recorded


def test_typing_finds_once_after_a_pause_and_a_toggle_finds_at_once(qapp: QApplication) -> None:
    bar, recorded = bar_shown()
    assert bar.find_field.hasFocus() and not bar.replace_field.isVisible()
    QTest.keyClicks(bar.find_field, "tides")
    assert recorded.events == []  # not per key
    qt_wait_until(lambda: recorded.events)
    QTest.qWait(DEBOUNCE_MS * 2)
    assert recorded.events == [("find", "tides", False, False)]
    bar.whole_words.click()
    assert recorded.events[-1] == ("find", "tides", False, True)
    bar.match_case.click()
    assert recorded.events[-1] == ("find", "tides", True, True)
    assert (bar.query(), bar.options()) == ("tides", (True, True))


def test_enter_and_shift_enter_move_and_escape_closes(qapp: QApplication) -> None:
    bar, recorded = bar_shown()
    QTest.keyClicks(bar.find_field, "sun")
    QTest.keyClick(bar.find_field, Qt.Key.Key_Return)  # before the pause: found first, then moved
    assert recorded.events == [("find", "sun", False, False), ("next",)]
    QTest.qWait(DEBOUNCE_MS * 2)
    assert len(recorded.events) == 2  # found once
    QTest.keyClick(bar.find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(bar.find_field, Qt.Key.Key_Enter)
    assert recorded.events[2:] == [("previous",), ("next",)]
    QTest.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert recorded.events[-1] == ("closed",) and not bar.isVisible()
    bar.open_find()  # opened again with its query: found again at once, the query selected to type over
    assert recorded.events[-1] == ("find", "sun", False, False)
    assert bar.isVisible() and bar.find_field.selectedText() == "sun"


def test_replace_and_replace_all_send_the_replacement_and_a_problem_shows_until_edited(qapp: QApplication) -> None:
    bar, recorded = bar_shown(replacing=True)
    assert bar.replace_field.isVisible() and bar.find_field.hasFocus()
    QTest.keyClicks(bar.find_field, "tides")
    qt_wait_until(lambda: recorded.events)
    bar.set_count(None, 4)
    assert bar.count.text() == "4 matches"
    QTest.keyClicks(bar.replace_field, "waves")
    QTest.keyClick(bar.replace_field, Qt.Key.Key_Return)
    QTest.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert recorded.events[1:] == [("replace", "waves"), ("replace all", "waves")]
    bar.set_problem("line 5 would be empty after the replacement")
    assert bar.problem.isVisible()
    QTest.keyClicks(bar.replace_field, "!")
    assert not bar.problem.isVisible()
    bar.set_count(3, 12)
    assert bar.count.text() == "3 of 12"
    bar.set_count(None, 0)
    assert bar.count.text() == "No matches" and not bar.replace_all_button.isEnabled()


def test_the_bar_with_a_count_and_a_problem_fits_one_row_at_1000_px(
        qapp: QApplication, screenshot: Callable[[QWidget, str], Path]) -> None:
    bar, _recorded = bar_shown(replacing=True)
    bar.find_field.setText("tides")
    bar.replace_field.setText("waves")
    bar.set_count(3, 12)
    bar.set_problem("line 5 would read back from script.md as other lines after the replacement (it would look "
                    "like a heading or a SPEAKER: line); reword it")
    QTest.qWait(50)
    controls = [bar.find_field, bar.match_case, bar.whole_words, bar.count, bar.previous_button, bar.next_button,
                bar.replace_field, bar.replace_button, bar.replace_all_button, bar.close_button]
    assert len({control.geometry().center().y() for control in controls}) <= 2  # one row (centres ±1 px)
    assert all(control.accessibleName() for control in controls)
    assert all(control.geometry().right() <= bar.width() for control in controls)
    assert not QImage(str(screenshot(bar, "production-find"))).isNull()
