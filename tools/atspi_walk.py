"""Walk the running studio's accessibility tree over AT-SPI, as a screen reader sees it, panel by panel.

Runs with the system Python that has Debian's `python3-pyatspi` (not the venv), on the display and D-Bus
session the studio was started on with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1:

    /usr/bin/python3 tools/atspi_walk.py [--app "MiniMax Studio"] [--timeout 60]

Prints one JSON object: {"panels": {name: {"controls": N, "unnamed": [...]}}, "error": null}. The studio is
found by its application name; each panel is shown by selecting its entry in the navigation list (the AT-SPI
Selection interface, as Orca's list navigation does), then every showing control of an interactive role
must have a name.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PAGE_TAB_LIST, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_DIAL,
}
EDITABLE_TEXT = {pyatspi.ROLE_TEXT}  # a text role counts only when editable
# Controls whose children are their rows or items, not further controls: not walked into (a voice table has
# a thousand cells, each a D-Bus round trip).
LEAVES = {
    pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_CELL,
}


def find_app(name: str, timeout: float) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name and name.lower() in app.name.lower():
                for window in app:
                    if window is not None and window.getRole() == pyatspi.ROLE_FRAME:
                        return window
        time.sleep(0.5)
    raise TimeoutError(f"no application named {name!r} with a window on the accessibility bus")


def walk(node: object, depth: int = 0) -> list[object]:
    out = []
    try:
        children = list(node)  # type: ignore[call-overload]
    except Exception:  # a node gone while walking (a list model refreshing)
        return out
    for child in children:
        if child is None:
            continue
        out.append(child)
        if depth < 60 and child.getRole() not in LEAVES:
            out.extend(walk(child, depth + 1))
    return out


def path_of(node: object) -> str:
    parts = []
    while node is not None and len(parts) < 4:
        parts.append(f"{node.getRoleName()}:{node.name or '?'}")  # type: ignore[attr-defined]
        node = node.parent  # type: ignore[attr-defined]
    return " < ".join(parts)


def unnamed(frame: object) -> tuple[int, list[str]]:
    controls, missing = 0, []
    for node in walk(frame):
        role = node.getRole()  # type: ignore[attr-defined]
        states = node.getState()  # type: ignore[attr-defined]
        if not states.contains(pyatspi.STATE_SHOWING):
            continue
        if role not in INTERACTIVE and not (role in EDITABLE_TEXT and states.contains(pyatspi.STATE_EDITABLE)):
            continue
        controls += 1
        if not (node.name or "").strip():  # type: ignore[attr-defined]
            missing.append(path_of(node))
    return controls, missing


def navigation(frame: object) -> object:
    for node in walk(frame):
        if node.getRole() in {pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX}:  # type: ignore[attr-defined]
            names = {node.getChildAtIndex(i).name for i in range(node.childCount)}  # type: ignore[attr-defined]
            if len(names) >= 8:  # the panels' list: the first list of eight or more entries
                return node
    raise LookupError("no navigation list of panels in the window")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", default="MiniMax Studio")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--settle", type=float, default=1.0, help="seconds to wait after showing a panel")
    args = parser.parse_args()
    result: dict[str, object] = {"panels": {}, "error": None}
    try:
        frame = find_app(args.app, args.timeout)
        time.sleep(args.settle)
        panels = navigation(frame)
        selection = panels.querySelection()  # type: ignore[attr-defined]
        for index in range(panels.childCount):  # type: ignore[attr-defined]
            name = panels.getChildAtIndex(index).name  # type: ignore[attr-defined]
            selection.selectChild(index)
            time.sleep(args.settle)
            controls, missing = unnamed(frame)
            result["panels"][name] = {"controls": controls, "unnamed": missing}  # type: ignore[index]
    except Exception as error:  # reported to the test, which prints it
        result["error"] = f"{type(error).__name__}: {error}"
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["error"] is None else 1


if __name__ == "__main__":
    sys.exit(main())
