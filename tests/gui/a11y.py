"""What a screen reader is told about a window: the interactive controls it would announce without a name."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWidget

_Role = QAccessible.Role
INTERACTIVE = {
    _Role.PushButton, _Role.CheckBox, _Role.RadioButton, _Role.ComboBox, _Role.Slider, _Role.SpinBox,
    _Role.List, _Role.Table, _Role.Tree, _Role.EditableText, _Role.ButtonMenu, _Role.ButtonDropDown,
    _Role.Dial, _Role.PageTabList, _Role.ProgressBar,
}


def describe(widget: QWidget) -> str:
    parts = []
    node: QWidget | None = widget
    while node is not None and len(parts) < 4:
        parts.append(f"{type(node).__name__}#{node.objectName()}" if node.objectName() else type(node).__name__)
        node = node.parentWidget()
    return " < ".join(parts)


def unnamed_controls(root: QWidget) -> list[str]:
    """Each visible interactive widget under `root` whose accessible name is empty, described by its class,
    object name and parents."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or isinstance(widget, QScrollBar):
            continue
        if isinstance(widget.parentWidget(), QAbstractScrollArea) and widget is not root:
            continue  # a scroll area's viewport: the area itself is the control
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or interface.role() not in INTERACTIVE:
            continue
        if not interface.text(QAccessible.Text.Name).strip():
            found.append(f"{interface.role().name}: {describe(widget)}")
    return found
