"""The dark theme as a person sees it: contrast measured on grabbed pixels, not on the palette's numbers."""

from __future__ import annotations

from collections.abc import Callable
from statistics import median

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QStyle, QStyleOptionButton, QVBoxLayout, QWidget

from studio.qt.theme import StudioStyle, palette_for


def luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio (1–21)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_an_unchecked_box_and_radio_stand_out_from_the_window(
    qapp: QApplication, screenshot: Callable, scheme: str,
) -> None:
    # The theme on these widgets only: restyling the whole app re-polishes every widget earlier tests left.
    style = StudioStyle(scheme)
    window = QWidget()
    layout = QVBoxLayout(window)
    window.setPalette(palette_for(scheme))
    window.setAutoFillBackground(True)
    box, radio = QCheckBox("Slider previews"), QRadioButton("Whole text")
    for button in (box, radio):
        button.setStyle(style)
    layout.addWidget(box)
    layout.addWidget(radio)
    window.resize(240, 90)
    window.show()
    qapp.processEvents()
    screenshot(window, f"theme-{scheme}-unchecked-indicators")
    background = window.grab().toImage().pixelColor(2, 2)

    for button, element in ((box, QStyle.SubElement.SE_CheckBoxIndicator),
                            (radio, QStyle.SubElement.SE_RadioButtonIndicator)):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        indicator = button.style().subElementRect(element, option, button)
        image: QImage = button.grab().toImage()
        # The outline is the darkest (dark theme: lightest) ring around the indicator: the most contrasting
        # pixel of each of its rows and columns near the edge, then the median over the edge.
        y_mid, x_mid = indicator.center().y(), indicator.center().x()
        edge = [image.pixelColor(x, y_mid) for x in range(indicator.left(), indicator.left() + 3)]
        edge += [image.pixelColor(x_mid, y) for y in range(indicator.top(), indicator.top() + 3)]
        edge += [image.pixelColor(x, y_mid) for x in range(indicator.right() - 2, indicator.right() + 1)]
        best = [max(edge[i:i + 3], key=lambda c: contrast(c, background)) for i in range(0, len(edge), 3)]
        ratio = median(contrast(c, background) for c in best)
        assert ratio >= 3.0, (f"{type(button).__name__} outline {best[0].name()} on {background.name()} "
                              f"is {ratio:.2f}:1 in the {scheme} theme; controls need 3:1")
    window.close()
