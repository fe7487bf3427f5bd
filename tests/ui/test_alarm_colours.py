"""The alarm levels stay apart for colour-blind eyes, and never by colour alone.

Each level's tint is run through the Machado, Oliveira & Fernandes (2009) simulation of full
protanopia, deuteranopia and tritanopia (their 3×3 matrices, applied to linear RGB), and every
pair must stay at least ``MIN_DELTA_E`` apart in CIELAB (ΔE*ab) under normal vision and each
simulation; the text on each tint keeps WCAG's 4.5:1. A shape and the level's name say the
same without colour.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.ui.alarms.model import LEVEL_COLOURS, LEVEL_MARKS, LEVELS, AlarmTableModel

Matrix = tuple[tuple[float, float, float], ...]
MACHADO_2009: dict[str, Matrix] = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}  # fmt: skip
NORMAL: Matrix = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
MIN_DELTA_E = 20.0  # clearly different at a glance, not only side by side


def linear(hex_colour: str) -> tuple[float, float, float]:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return channel(r), channel(g), channel(b)


def simulate(rgb: tuple[float, float, float], m: Matrix) -> tuple[float, float, float]:
    r, g, b = (min(max(sum(m[i][k] * rgb[k] for k in range(3)), 0.0), 1.0) for i in range(3))
    return r, g, b


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5


def luminance(hex_colour: str) -> float:
    r, g, b = linear(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("vision", ["normal", *MACHADO_2009])
def test_every_pair_of_level_tints_stays_apart(vision: str) -> None:
    matrix = MACHADO_2009.get(vision, NORMAL)
    seen = {lv: lab(simulate(linear(LEVEL_COLOURS[lv][0]), matrix)) for lv in LEVELS}
    for one, other in combinations(LEVELS, 2):
        distance = delta_e(seen[one], seen[other])
        assert distance >= MIN_DELTA_E, (vision, one, other, round(distance, 1))


def test_the_simulation_is_sane() -> None:
    """Red and green, far apart to normal eyes, nearly meet for a deuteranope."""
    red, green = linear("#d62728"), linear("#2ca02c")
    assert delta_e(lab(red), lab(green)) > 80
    deutan = MACHADO_2009["deuteranopia"]
    assert delta_e(lab(simulate(red, deutan)), lab(simulate(green, deutan))) < 40


def test_text_is_readable_on_every_tint_and_each_level_has_its_own_shape(
    qapp: QApplication,
) -> None:
    for level, (back, text) in LEVEL_COLOURS.items():
        light, dark = sorted((luminance(back), luminance(text)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, level
    assert len(set(LEVEL_MARKS.values())) == len(LEVELS)
    model = AlarmTableModel({})
    assert model.headerData(AlarmTableModel.LEVEL, Qt.Orientation.Horizontal) == "Level"
