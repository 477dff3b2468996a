"""The two themes: a normal one and a high-contrast one for projectors."""

from __future__ import annotations

from textual.theme import Theme

NORMAL = Theme(
    name="varsel-normal",
    # Colours taken from the xterm 256-colour palette, so 256-colour terminals (macOS Terminal,
    # tmux without truecolor) show exactly these instead of dark approximations.
    primary="#5FAFFF",
    secondary="#87AFD7",
    accent="#FFAF00",
    warning="#FFAF00",
    error="#FF5F5F",
    success="#5FD75F",
    foreground="#E4E4E4",
    background="#1C1C1C",
    surface="#262626",
    panel="#3A3A3A",
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
