"""Key bindings whose descriptions are message keys, shown in the UI language."""

from __future__ import annotations

import dataclasses

from textual.dom import DOMNode

from varselspel.i18n import tr
from varselspel.tui.strings import STRINGS


def localise_bindings(node: DOMNode) -> None:
    """Replace message keys in the node's binding descriptions with localised text."""
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            dataclasses.replace(
                binding,
                description=tr(STRINGS, binding.description) if binding.description else "",
                tooltip=tr(STRINGS, binding.tooltip) if binding.tooltip else "",
            )
            for binding in bindings
        ]
