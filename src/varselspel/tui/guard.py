"""Sending commands safely: text limits from the engine, and bad input as a message, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from annotated_types import MaxLen
from pydantic import BaseModel, ValidationError

from varselspel.i18n import tr
from varselspel.tui.strings import STRINGS

if TYPE_CHECKING:
    from varselspel.engine import CommandResult
    from varselspel.tui.app import VarselApp


def max_length(model: type[BaseModel], field: str) -> int:
    """Return the longest text the engine accepts in `model.field`, or 0 when it sets no limit."""
    info = model.model_fields.get(field)
    if info is None:
        return 0
    for meta in info.metadata:
        if isinstance(meta, MaxLen):
            return int(meta.max_length)
    return 0


def describe(error: ValidationError) -> str:
    """Return a validation error as one localised sentence per problem, naming the field."""
    lines: list[str] = []
    for problem in error.errors():
        loc = problem.get("loc") or ("",)
        name = str(loc[-1])
        label_key = f"field.{name}"
        label = tr(STRINGS, label_key) if label_key in STRINGS else name
        ctx = problem.get("ctx") or {}
        kind = problem.get("type", "")
        if kind == "string_too_long":
            lines.append(tr(STRINGS, "error.too_long", field=label, n=ctx.get("max_length", "")))
        elif kind == "string_too_short":
            lines.append(tr(STRINGS, "error.empty", field=label))
        else:
            lines.append(tr(STRINGS, "error.invalid", field=label))
    return " ".join(lines)


def report(app: VarselApp, result: CommandResult) -> None:
    """Show what the engine said about a command: why it was refused, or its remarks.

    Every display of a command's result goes through here, so its wording lives in one place.
    """
    from varselspel.messages import describe as words

    bundle = getattr(app.session, "bundle", None)
    if not result.ok:
        # Every refusal is a whole sentence saying what cannot be done and why; a prefix such
        # as "Går inte:" would only say it twice.
        app.notify(words(result.message, app.lang, bundle), severity="warning", markup=False)
    # Remarks on an accepted command (outside mandate, a dependent choice withdrawn).
    for notice in result.notices:
        app.notify(words(notice, app.lang, bundle), severity="warning", markup=False)


def send(
    app: VarselApp, command: Any | Callable[[], Any], actor: str | None = None
) -> CommandResult | None:
    """Build (when given a factory) and execute a command; tell the user what went wrong.

    Returns the engine's result, or None when the input was invalid or the session file failed.
    The result is reported here, and an accepted command posts one `SessionChanged`, so callers
    neither word the result nor redraw.
    """
    from varselspel.store import StoreError

    session = app.session
    if session is None:
        return None
    try:
        built = command() if callable(command) and not isinstance(command, BaseModel) else command
        result = session.execute(built) if actor is None else session.execute(built, actor=actor)
    except ValidationError as error:
        app.notify(describe(error), severity="error", markup=False, timeout=10)
        return None
    except StoreError as error:
        app.notify(
            tr(STRINGS, "error.store", error=str(error)),
            severity="error",
            markup=False,
            timeout=15,
        )
        return None
    report(app, result)
    if result.ok:
        app.session_changed()
    return result
