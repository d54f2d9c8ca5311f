"""The colour tokens meet WCAG AA in both schemes: text 4.5:1 on every background it is drawn on, control
boundaries and marks 3:1 against the window and the fields (docs/design.md "Looks")."""

from __future__ import annotations

import pytest

from studio.qt.theme import colors

TEXTS = ("text", "muted", "link", "ok", "warn", "bad")
BACKGROUNDS = ("window", "base", "alternate", "button", "nav", "selected")
ON_FILLS = [("highlight_text", "highlight"), ("demo_fg", "demo_bg"), ("error_fg", "error_bg"),
            ("media_text", "media_backdrop"),
            *[("on_mark", fill) for fill in ("kind_system", "kind_cloned", "kind_designed", "kind_image",
                                             "kind_video", "kind_music", "playing", "badge_ok", "badge_warn",
                                             "badge_bad")]]
GRAPHICS = ("indicator", "highlight", "favourite")


def contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_measures_what_wcag_says() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # WCAG's own AA example grey


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_is_readable_on_every_background(scheme: str) -> None:
    c = colors(scheme)  # type: ignore[arg-type]
    low = [f"{fg} on {bg}: {contrast(c[fg], c[bg]):.2f}" for fg in TEXTS for bg in BACKGROUNDS
           if contrast(c[fg], c[bg]) < 4.5]
    low += [f"{fg} on {bg}: {contrast(c[fg], c[bg]):.2f}" for fg, bg in ON_FILLS if contrast(c[fg], c[bg]) < 4.5]
    assert not low, low


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_controls_and_marks_stand_out_from_window_and_fields(scheme: str) -> None:
    c = colors(scheme)  # type: ignore[arg-type]
    low = [f"{mark} on {bg}: {contrast(c[mark], c[bg]):.2f}" for mark in GRAPHICS for bg in ("window", "base")
           if contrast(c[mark], c[bg]) < 3.0]
    assert not low, low
