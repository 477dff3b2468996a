"""Start-up shortcuts for short-lived commands such as `validate` (which must finish in 0.3 s)."""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterable
from typing import Any

_LOADER = "pydantic.plugin._loader"
# The values of PYDANTIC_DISABLE_PLUGINS for which pydantic's own loader returns no plugins.
_ALL_DISABLED = ("__all__", "1", "true")


def _real_loader() -> types.ModuleType:
    """Replace the stand-in with pydantic's own plugin loader and return it."""
    if sys.modules.get(_LOADER) is _STAND_IN:
        del sys.modules[_LOADER]
    return importlib.import_module(_LOADER)


def _get_plugins() -> Iterable[Any]:
    """Return no plugins while they are disabled, else whatever pydantic's own loader finds."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _ALL_DISABLED:
        return ()
    result: Iterable[Any] = _real_loader().get_plugins()
    return result


def _getattr(name: str) -> Any:
    """Hand any other public name over to pydantic's own loader."""
    # The import system probes module dunders (`__path__` ...); those must not load the real one.
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(_real_loader(), name)


_STAND_IN = types.ModuleType(_LOADER, "Stand-in for pydantic's plugin loader (see startup.py).")
_STAND_IN.get_plugins = _get_plugins  # type: ignore[attr-defined]
_STAND_IN.__getattr__ = _getattr  # type: ignore[method-assign]


def skip_pydantic_plugin_scan() -> None:
    """Disable pydantic plugins without importing `importlib.metadata` (about 20 ms).

    varselspel uses no pydantic plugins. Pydantic's plugin loader imports `importlib.metadata`
    (and with it `email`, `zipfile`, `csv` ...) when the first validator is built, even when
    PYDANTIC_DISABLE_PLUGINS says there is nothing to load. The stand-in answers "no plugins"
    in exactly that case and hands everything else to the real loader, so behaviour is the same.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if _LOADER not in sys.modules:
        sys.modules[_LOADER] = _STAND_IN
