"""Words for what the engine says: its codes and parameters, in a language the caller names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from varselspel.engine.index import decision_key
from varselspel.engine.strings import STRINGS
from varselspel.i18n import tr

if TYPE_CHECKING:
    from varselspel.engine.journal import BundleLike
    from varselspel.engine.result import Message


def describe(message: Message, lang: str, bundle: BundleLike | None = None) -> str:
    """Return a refusal or notice of the engine as a sentence in `lang`.

    With the session's `bundle`, role ids read as the roles' short labels and a decision key
    as its question; without it they stay ids. A code without words is returned as it is.
    """
    if message.code not in STRINGS:
        return message.code
    words = {key: _word(key, value, lang, bundle) for key, value in message.params.items()}
    if message.code == "inject_already_released":
        group = message.params.get("group")
        words["target"] = str(group) if group else tr(STRINGS, "all_groups", lang)
    if "decision" in message.params:
        words["question"] = _question(str(message.params["decision"]), bundle)
    try:
        return tr(STRINGS, message.code, lang, **words)
    except (KeyError, IndexError, ValueError):
        # Parameters a newer engine added or an older one lacked: say the code, not a traceback.
        return message.code


def _word(key: str, value: Any, lang: str, bundle: BundleLike | None) -> str:
    """Return one parameter in words: codes translated, role ids as labels, lists joined."""
    if key == "phase" and isinstance(value, str):
        return tr(STRINGS, f"phase.{value}", lang)
    if key == "owners" and isinstance(value, list):
        return ", ".join(_role_label(str(role), bundle) for role in value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, float):
        return _number(value, lang)
    return "" if value is None else str(value)


def _number(value: float, lang: str) -> str:
    """Write a number as people read it: `60`, `2.5`, in Swedish `2,5`."""
    text = str(int(value)) if value.is_integer() else f"{value:g}"
    return text.replace(".", ",") if lang == "sv" else text


def _role_label(role: str, bundle: BundleLike | None) -> str:
    """Return a role's short label, or its id when the card is unknown."""
    roles: Mapping[str, Any] = bundle.roles if bundle is not None else {}
    card = roles.get(role)
    return str(card.label) if card is not None else role


def _question(key: str, bundle: BundleLike | None) -> str:
    """Return a decision's question, or its key when the scenario is unknown."""
    if bundle is not None:
        for rnd in bundle.scenario.rounds:
            for dec in rnd.decisions:
                if decision_key(rnd.id, dec.id) == key:
                    return dec.question
    return key
