"""`validate` starts lean: what it imports, and the pydantic plugin stand-in behaves like pydantic."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from varselspel.resources import bundled_scenarios_dir

# Modules `validate` has no use for; each costs start-up time (see bench/bench_validate.py).
NOT_IMPORTED = ("textual", "docx", "importlib.metadata", "email", "varselspel.cli.schema")


def _run(code: str, env_extra: dict[str, str] | None = None) -> str:
    """Run Python code in a fresh interpreter and return its stdout."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env.update(env_extra or {})
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.mark.slow
def test_validate_imports_only_what_it_needs() -> None:
    """A `validate` run loads neither the UI, python-docx, the schema writer nor package metadata."""
    demo = bundled_scenarios_dir() / "demo.yaml"
    out = _run(
        "import sys\n"
        "from varselspel.cli import main\n"
        f"rc = main(['validate', {str(demo)!r}])\n"
        f"names = {NOT_IMPORTED!r}\n"
        "print('LOADED=' + ','.join(n for n in names if n in sys.modules))\n"
        "print('RC=' + str(rc))\n"
    )
    assert "RC=0" in out
    assert "LOADED=\n" in out, out


@pytest.mark.slow
def test_stand_in_answers_like_pydantic_when_plugins_are_enabled() -> None:
    """With plugins enabled the stand-in hands over to pydantic's own loader, names and all."""
    out = _run(
        "import os\n"
        "from varselspel.cli.startup import skip_pydantic_plugin_scan\n"
        "skip_pydantic_plugin_scan()\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "assert list(get_plugins()) == []\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = ''\n"
        "mine = list(get_plugins())\n"
        "import sys\n"
        "real = sys.modules['pydantic.plugin._loader']\n"
        "print('HANDED_OVER=' + str(real.get_plugins is not get_plugins))\n"
        "print('SAME=' + str(mine == list(real.get_plugins())))\n"
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP\n"
        "print('GROUP=' + PYDANTIC_ENTRY_POINT_GROUP)\n"
        "import sys\n"
        "print('REAL=' + str('importlib.metadata' in sys.modules))\n"
    )
    assert "HANDED_OVER=True" in out
    assert "SAME=True" in out
    assert "GROUP=pydantic" in out
    assert "REAL=True" in out


@pytest.mark.slow
def test_stand_in_keeps_models_working() -> None:
    """Models validate and report errors as usual behind the stand-in."""
    out = _run(
        "from varselspel.cli.startup import skip_pydantic_plugin_scan\n"
        "skip_pydantic_plugin_scan()\n"
        "import pydantic\n"
        "from varselspel.model import Limit\n"
        "print(Limit(text='x').text)\n"
        "try:\n"
        "    Limit(text='')\n"
        "except pydantic.ValidationError as exc:\n"
        "    print('ERR=' + exc.errors()[0]['type'])\n"
    )
    assert out.splitlines() == ["x", "ERR=string_too_short"]


def test_user_choice_of_plugins_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PYDANTIC_DISABLE_PLUGINS the user set is not overwritten."""
    from varselspel.cli import startup

    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some-plugin")
    startup.skip_pydantic_plugin_scan()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "some-plugin"
