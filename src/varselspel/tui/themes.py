"""The two themes: a normal one and a high-contrast one for projectors."""

from __future__ import annotations

from textual.theme import Theme

NORMAL = Theme(
    name="varsel-normal",
    primary="#3B82C4",
    secondary="#6C8EBF",
    accent="#E0A030",
    warning="#E0A030",
    error="#E05050",
    success="#4CAF50",
    foreground="#E6E6E6",
    background="#1C2430",
    surface="#243040",
    panel="#2C3A4E",
    dark=True,
)
"""The everyday theme for a laptop screen."""

PROJEKTOR = Theme(
    name="varsel-projektor",
    primary="#FFFFFF",
    secondary="#FFFF00",
    accent="#FFFF00",
    warning="#FFD000",
    error="#FF4040",
    success="#40FF40",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#303030",
    dark=True,
    luminosity_spread=0.05,
    text_alpha=1.0,
)
"""High contrast, readable from the back of a room: white and yellow on black."""

THEMES: dict[str, Theme] = {"normal": NORMAL, "projektor": PROJEKTOR}
"""Themes by the name the command line uses."""
