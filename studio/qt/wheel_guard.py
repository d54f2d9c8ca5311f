"""The mouse wheel changes a combo box, spin box or slider only when it has keyboard focus.

Without this, scrolling a settings column with the wheel changes whatever control passes under the pointer
(a Format box turned from MP3 into PCM on its way by). One application-wide event filter: a wheel event
aimed at an unfocused control never reaches it and goes to the scroll area around it instead (Qt hands an
ignored wheel event to the parents only when it came from the mouse, so the filter hands it on itself).
The controls take focus by click or Tab only, never by the wheel.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeGuard

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)
_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish


def _guarded(watched: QObject) -> TypeGuard[QWidget]:
    return isinstance(watched, _GUARDED) and not isinstance(watched, QScrollBar)  # scrolling is a scroll bar's job


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _WHEEL:
            if _guarded(watched) and not watched.hasFocus():
                _scroll_around(watched, event)  # type: ignore[arg-type]  # a Wheel event is a QWheelEvent
                return True
        elif kind == _POLISH and _guarded(watched):
            _no_wheel_focus(watched)
        return False


def _scroll_around(control: QWidget, event: QWheelEvent) -> None:
    area = control.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        event.ignore()
        return
    viewport = area.viewport()
    forwarded = QWheelEvent(QPointF(control.mapTo(viewport, event.position().toPoint())), event.globalPosition(),
                            event.pixelDelta(), event.angleDelta(), event.buttons(), event.modifiers(),
                            event.phase(), event.inverted(), event.source())
    QApplication.sendEvent(viewport, forwarded)
    event.setAccepted(forwarded.isAccepted())


def _no_wheel_focus(widget: QWidget) -> None:
    from PySide6.QtCore import Qt  # here, not at import: the shell's first frame must not build the Qt namespace

    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


@contextmanager
def wheel_guard_paused(app: QApplication) -> Iterator[None]:
    """Without the guard for a moment: every event crosses into Python while it is installed, and a theme
    change sends each widget several (measured: a restyle of 2,000 widgets takes 75 % longer with it)."""
    guard = app.findChild(WheelGuard)
    if guard is not None:
        app.removeEventFilter(guard)
    try:
        yield
    finally:
        if guard is not None:
            app.installEventFilter(guard)


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Once per application (later calls return the installed guard)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
