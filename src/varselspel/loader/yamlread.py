"""Safe YAML reading: bytes to plain Python data with positions, under size, alias and depth limits.

PyYAML's C parser produces events (never objects from tags); this module builds dicts, lists and
scalars from them itself, recording where every key and value starts. Scalars follow the YAML 1.2
core schema (`yes`/`no`/`on`/`off` and dates stay text). Quoted scalars are positioned at their
first character inside the quote, so an offset into the string maps to a column on single lines.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from varselspel.diagnostics import Diagnostic, Path, Position, PositionMap, Severity
from varselspel.i18n import tr
from varselspel.loader.strings import STRINGS

try:  # The C parser is much faster; fall back to the pure-Python one when libyaml is absent.
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest file the loader reads."""
MAX_DEPTH = 64
"""Deepest nesting of lists and mappings allowed."""
MAX_ALIAS_NODES = 100_000
"""Most values that expanding aliases may produce in one file."""
MAX_ALIAS_CHARS = 1_000_000
"""Most characters of text (keys and scalars) that all aliases of one file may reach together.

Counting values is not enough: one alias to a 4 MB string is a single value, and a thousand of
them would make every export write 4 GB.
"""
MAX_NUMBER_CHARS = 64
"""Longest number literal read as a number (Python refuses to print ints of 4 300+ digits)."""

_BOM = b"\xef\xbb\xbf"
_YAML = "tag:yaml.org,2002:"
_INT_RE = re.compile(r"[-+]?[0-9][0-9_]*\Z")
_HEX_RE = re.compile(r"0x[0-9a-fA-F_]+\Z")
_OCT_RE = re.compile(r"0o[0-7_]+\Z")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_INFS = frozenset({".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})
_NEG_INFS = frozenset({"-.inf", "-.Inf", "-.INF"})
_NANS = frozenset({".nan", ".NaN", ".NAN"})
_SPECIAL_START = frozenset("0123456789-+.~nNtTfF")
_STRUCTURE = re.compile(r"\s*(?:-(?:\s|$)|[A-Za-z_][\w-]*:(?:\s|$))")
"""A line that starts like YAML structure: a list item or a `key:`."""
_KEY_LINE = re.compile(r" *(?:- +)*([A-Za-z_][\w-]*):(\s.*)?\Z")
"""A line holding a `key:` (possibly after list dashes): the key, then what follows the colon."""
_ITEM_LINE = re.compile(r" *- +(?:- +)*")
"""A line that starts a list item."""
_MISSING = object()
_TOO_LONG = object()


@dataclass(slots=True)
class ReadResult:
    """Plain data read from one YAML text, its positions and any problems."""

    data: Any = None
    positions: PositionMap = field(default_factory=PositionMap)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    empty: bool = False
    """True when the document holds nothing (only comments or whitespace)."""

    @property
    def ok(self) -> bool:
        """True when reading produced no errors."""
        return not self.diagnostics


class _Abort(Exception):
    """Stops reading after a problem that makes the rest meaningless."""


def decode(raw: bytes, file: str, lang: str | None = None) -> tuple[str | None, Diagnostic | None]:
    """Decode UTF-8 bytes (with or without BOM) or explain where the first bad byte is."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        start = exc.start
        line_start = raw.rfind(b"\n", 0, start) + 1
        line = raw.count(b"\n", 0, start) + 1
        column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
        message = tr(
            STRINGS,
            "Y001",
            lang,
            byte=f"0x{raw[start]:02X}",
            line=line,
            column=column,
        )
        return None, Diagnostic(Severity.ERROR, "Y001", message, file, line, column)


def _error(
    code: str, file: str, line: int | None, column: int | None, lang: str | None, **params: object
) -> Diagnostic:
    """Build an error diagnostic with a message from the catalog."""
    return Diagnostic(Severity.ERROR, code, tr(STRINGS, code, lang, **params), file, line, column)


def _resolve_plain(value: str) -> Any:
    """Return the Python value of an untagged plain scalar under the YAML 1.2 core schema."""
    if value and value[0] not in _SPECIAL_START:
        return value
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    if len(value) > MAX_NUMBER_CHARS and (
        _INT_RE.match(value) or _HEX_RE.match(value) or _OCT_RE.match(value)
    ):
        return _TOO_LONG
    if _INT_RE.match(value):
        return int(value.replace("_", ""))
    if _FLOAT_RE.match(value):
        return float(value.replace("_", ""))
    if _HEX_RE.match(value):
        return int(value[2:].replace("_", ""), 16)
    if _OCT_RE.match(value):
        return int(value[2:].replace("_", ""), 8)
    if value in _INFS:
        return math.inf
    if value in _NEG_INFS:
        return -math.inf
    if value in _NANS:
        return math.nan
    return value


def _resolve_tagged(value: str, tag: str) -> Any:
    """Return the value of a scalar with an explicit standard tag, or `_MISSING` if it does not fit."""
    name = tag[len(_YAML) :]
    if name == "str":
        return value
    resolved = _resolve_plain(value)
    if resolved is _TOO_LONG:
        return _TOO_LONG
    if name == "null":
        return None if resolved is None else _MISSING
    if name == "bool":
        return resolved if isinstance(resolved, bool) else _MISSING
    if name == "int":
        return (
            resolved if isinstance(resolved, int) and not isinstance(resolved, bool) else _MISSING
        )
    if name == "float":
        if isinstance(resolved, bool) or not isinstance(resolved, int | float):
            return _MISSING
        return float(resolved)
    return _MISSING


_SCALAR_TAGS = frozenset(_YAML + name for name in ("str", "null", "bool", "int", "float"))
_MAP_TAGS = frozenset({_YAML + "map", "!"})
_SEQ_TAGS = frozenset({_YAML + "seq", "!"})


class _Frame:
    """A mapping or list being built, with where it sits in the document."""

    __slots__ = (
        "anchor",
        "container",
        "is_map",
        "key",
        "key_pos",
        "merges",
        "path",
        "start",
        "start_chars",
    )

    def __init__(
        self,
        container: Any,
        path: Path,
        is_map: bool,
        anchor: str | None,
        start: int,
        start_chars: int,
    ):
        self.container = container
        self.path = path
        self.is_map = is_map
        self.key: Any = _MISSING
        self.key_pos: Position | None = None
        self.merges: list[Any] | None = None
        self.anchor = anchor
        self.start = start
        self.start_chars = start_chars


def read_yaml(text: str, file: str, lang: str | None = None) -> ReadResult:
    """Read one YAML document from `text` into plain data, positions and diagnostics."""
    result = _Reader(text, file, lang).run()
    return result


class _Reader:
    """Builds plain data from parser events, one document, within the limits."""

    def __init__(self, text: str, file: str, lang: str | None) -> None:
        self.text = text
        self.file = file
        self.lang = lang
        self.result = ReadResult()
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        """Anchored values by name, with how many values and characters of text each holds."""
        self.produced = 0
        self.produced_chars = 0
        self.alias_nodes = 0
        self.quoted_spans: list[tuple[int, int, int]] = []
        """Quoted scalars over several lines: 0-based start line and column, end line."""
        self.alias_chars = 0

    def run(self) -> ReadResult:
        """Parse the text and return the result; never raises for bad input."""
        result = self.result
        parser = _Parser(self.text)
        try:
            self._document(parser)
        except _Abort:
            result.data = None
        except yaml.MarkedYAMLError as exc:
            result.data = None
            result.diagnostics.append(self._syntax_error(exc))
        except yaml.reader.ReaderError as exc:
            result.data = None
            result.diagnostics.append(self._reader_error(exc))
        except (yaml.YAMLError, ValueError, TypeError, RecursionError, MemoryError) as exc:
            result.data = None
            result.diagnostics.append(
                _error(
                    "Y003", self.file, None, None, self.lang, detail=str(exc) or type(exc).__name__
                )
            )
        finally:
            parser.dispose()
        return result

    def _syntax_error(self, exc: yaml.MarkedYAMLError) -> Diagnostic:
        """Turn a libyaml error into a plain-language diagnostic at the right place."""
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        tab = self._tab_near(mark.line if mark is not None else None)
        if tab is not None:
            return _error("Y004", self.file, tab[0], tab[1], self.lang)
        context = exc.context or ""
        problem = (exc.problem or "").strip()
        cm = exc.context_mark
        unclosed = "end of stream" in problem or "document" in problem
        if "quoted scalar" in context and unclosed and cm is not None:
            return _error("Y005", self.file, cm.line + 1, cm.column + 1, self.lang)
        if problem.startswith("did not find expected ',' or") and cm is not None:
            # Point at the opening bracket: the end of the file says nothing useful.
            key = "yaml.unclosed_map" if problem.endswith("'}'") else "yaml.unclosed_list"
            detail = tr(STRINGS, key, self.lang)
            return _error("Y003", self.file, cm.line + 1, cm.column + 1, self.lang, detail=detail)
        if problem == "exceeded maximum nesting depth":
            return _error("Y009", self.file, line, column, self.lang, limit=MAX_DEPTH)
        if mark is not None:
            quote = self._swallowing_quote(mark.line)
            if quote is not None:
                # The quote was closed much later, by the next quote character in the file.
                text = tr(STRINGS, "Y005.swallowed", self.lang, end=quote[2])
                return Diagnostic(Severity.ERROR, "Y005", text, self.file, quote[0], quote[1])
            hint = self._indentation_hint(mark, problem)
            if hint is not None:
                return _error("Y003", self.file, line, column, self.lang, detail=hint)
        key = "yaml." + problem
        detail = tr(STRINGS, key, self.lang) if key in STRINGS else problem
        return _error("Y003", self.file, line, column, self.lang, detail=detail)

    def _reader_error(self, exc: yaml.reader.ReaderError) -> Diagnostic:
        """Report a character the YAML reader refuses, at its line and column."""
        # libyaml counts the position in bytes of the UTF-8 text, not in characters.
        raw = self.text.encode("utf-8", errors="replace")
        position = max(0, min(int(exc.position), len(raw)))
        before = raw[:position].decode("utf-8", errors="replace")
        position = len(before)
        line = before.count("\n") + 1
        column = position - (before.rfind("\n") + 1) + 1
        char = exc.character
        code = ord(char) if isinstance(char, str) and char else int(char or 0)
        detail = tr(STRINGS, "yaml.bad_character", self.lang, char=f"U+{code:04X}")
        return _error("Y003", self.file, line, column, self.lang, detail=detail)

    def _swallowing_quote(self, error_line: int) -> tuple[int, int, int] | None:
        """Find a quoted text that runs over line breaks into lines that look like YAML.

        Returns the 1-based line and column of its opening quote and the line it ends on. An
        unclosed quote ends at the next quote character, often far below, where the parser then
        stumbles; the mistake is where the quote opened.
        """
        if not self.quoted_spans:
            return None
        lines = self.text.split("\n")
        for start, column, end in reversed(self.quoted_spans):
            if start > error_line:
                continue
            if any(_STRUCTURE.match(text) for text in lines[start + 1 : end + 1]):
                return start + 1, column + 1, end + 1
        return None

    def _indentation_hint(self, mark: Any, problem: str) -> str | None:
        """Explain an error on a line whose indentation does not fit the lines above."""
        lines = self.text.split("\n")
        if not 0 <= mark.line < len(lines):
            return None
        current = lines[mark.line]
        if not _columns(current):
            return None
        here = len(current) - len(current.lstrip(" "))
        above = (text for text in reversed(lines[: mark.line]) if _columns(text))
        nearest = next(above, None)
        if nearest is None:
            return None
        if problem.startswith("mapping values are not allowed"):
            # Only a key's own colon after deeper indentation; a colon later in the line is text
            # that needs quotes.
            key, previous = _KEY_LINE.match(current), _KEY_LINE.match(nearest)
            if key is None or previous is None or mark.column != key.end(1):
                return None
            value = (previous.group(2) or "").strip()
            if key.start(1) <= previous.start(1) or value[:1] in ("", "|", ">"):
                return None
            return tr(
                STRINGS, "yaml.indent_deeper", self.lang, here=key.start(1), above=previous.start(1)
            )
        if problem not in ("did not find expected key", "did not find expected '-' indicator"):
            return None
        # The columns of the blocks still open above the line, innermost first.
        levels: list[int] = []
        for level in (n for text in itertools.chain((nearest,), above) for n in _columns(text)):
            if not levels or level < levels[-1]:
                levels.append(level)
            if level == 0:
                break
        if here in levels:
            return self._item_hint(current, here, lines[: mark.line], problem)
        ordered = [str(n) for n in sorted(levels)]
        joined = ordered[-1]
        if len(ordered) > 1:
            joined = ", ".join(ordered[:-1]) + tr(STRINGS, "yaml.or", self.lang) + ordered[-1]
        return tr(STRINGS, "yaml.indent_between", self.lang, here=here, levels=joined)

    def _item_hint(self, current: str, here: int, above: list[str], problem: str) -> str | None:
        """Explain a key written where the `- ` of the list above stands."""
        if problem != "did not find expected '-' indicator" or not _KEY_LINE.match(current):
            return None
        if current[here:].startswith("-"):
            return None
        for text in reversed(above):
            match = _KEY_LINE.match(text)
            if match is not None and text[here : here + 1] == "-" and not text[:here].strip():
                spaces = match.start(1) - here
                return tr(STRINGS, "yaml.indent_item", self.lang, spaces=spaces)
        return None

    def _tab_near(self, line_index: int | None) -> tuple[int, int] | None:
        """Find a tab in the indentation of the error's line (libyaml reports it there)."""
        if line_index is None:
            return None
        lines = self.text.split("\n")
        if not 0 <= line_index < len(lines):
            return None
        current = lines[line_index]
        stripped = current.lstrip(" \t-")
        indent = current[: len(current) - len(stripped)]
        if "\t" in indent:
            return line_index + 1, indent.index("\t") + 1
        return None

    def _document(self, parser: Any) -> None:
        """Read the stream: exactly one document whose root becomes `result.data`."""
        get_event = parser.get_event
        get_event()  # StreamStartEvent
        event = get_event()
        if isinstance(event, yaml.StreamEndEvent):
            self.result.empty = True
            return
        root = self._build(get_event)
        event = get_event()  # DocumentEndEvent
        event = get_event()
        if not isinstance(event, yaml.StreamEndEvent):
            mark = event.start_mark
            self.result.diagnostics.append(
                _error("Y011", self.file, mark.line + 1, mark.column + 1, self.lang)
            )
            raise _Abort
        if root is None:
            self.result.empty = True
        self.result.data = root

    def _fail(self, code: str, mark: Any, **params: object) -> None:
        """Record an error at `mark` and stop reading."""
        self.result.diagnostics.append(
            _error(code, self.file, mark.line + 1, mark.column + 1, self.lang, **params)
        )
        raise _Abort

    def _build(self, get_event: Any) -> Any:
        """Build the document's root value from events, returning it."""
        values = self.result.positions.values
        keys = self.result.positions.keys
        diagnostics = self.result.diagnostics
        lang = self.lang
        file = self.file
        stack: list[_Frame] = []
        root: Any = None
        scalar_event = yaml.ScalarEvent
        mapping_start = yaml.MappingStartEvent
        sequence_start = yaml.SequenceStartEvent
        alias_event = yaml.AliasEvent
        resolve_plain = _resolve_plain

        while True:
            event = get_event()
            cls = event.__class__
            if cls is scalar_event or cls is alias_event:
                mark = event.start_mark
                if cls is scalar_event:
                    self.produced += 1
                    tag = event.tag
                    raw = event.value
                    self.produced_chars += len(raw)
                    if tag is None or tag == "!":
                        value = resolve_plain(raw) if event.implicit[0] else raw
                    elif tag in _SCALAR_TAGS:
                        value = _resolve_tagged(raw, tag)
                        if value is _MISSING:
                            self._fail("Y016", mark, value=raw[:40], tag=tag)
                    else:
                        self._fail("Y007", mark, tag=_short_tag(tag))
                    if value is _TOO_LONG:
                        self._fail("Y018", mark, limit=MAX_NUMBER_CHARS)
                    if event.style in ("'", '"'):
                        pos = Position(mark.line + 1, mark.column + 2)
                        if event.end_mark.line != mark.line:
                            self.quoted_spans.append((mark.line, mark.column, event.end_mark.line))
                    else:
                        pos = Position(mark.line + 1, mark.column + 1)
                    if event.anchor is not None:
                        self.anchors[event.anchor] = (value, 1, len(raw))
                else:
                    entry = self.anchors.get(event.anchor)
                    if entry is None:
                        self._fail("Y015", mark, name=event.anchor)
                    value, size, chars = entry  # type: ignore[misc]
                    self.produced += size
                    self.alias_nodes += size
                    self.produced_chars += chars
                    self.alias_chars += chars
                    if self.alias_nodes > MAX_ALIAS_NODES:
                        self._fail("Y008", mark, limit=MAX_ALIAS_NODES)
                    if self.alias_chars > MAX_ALIAS_CHARS:
                        self._fail("Y019", mark, limit=MAX_ALIAS_CHARS)
                    pos = Position(mark.line + 1, mark.column + 1)
                if not stack:
                    if cls is alias_event:
                        self._fail("Y015", mark, name=event.anchor)
                    values[()] = pos
                    return value
                frame = stack[-1]
                if frame.is_map:
                    if frame.key is _MISSING:
                        if cls is alias_event:
                            self._fail("Y014", mark)
                        frame.key = raw
                        frame.key_pos = pos
                        continue
                    self._put(frame, value, pos, values, keys, diagnostics, lang, file)
                else:
                    path = (*frame.path, len(frame.container))
                    values[path] = pos
                    frame.container.append(value)
                continue

            if cls is mapping_start or cls is sequence_start:
                mark = event.start_mark
                is_map = cls is mapping_start
                tag = event.tag
                if tag is not None and tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
                    self._fail("Y007", mark, tag=_short_tag(tag))
                if len(stack) >= MAX_DEPTH:
                    self._fail("Y009", mark, limit=MAX_DEPTH)
                self.produced += 1
                pos = Position(mark.line + 1, mark.column + 1)
                if stack:
                    parent = stack[-1]
                    if parent.is_map:
                        if parent.key is _MISSING:
                            self._fail("Y014", mark)
                        path = (*parent.path, parent.key)
                    else:
                        path = (*parent.path, len(parent.container))
                else:
                    path = ()
                values[path] = pos
                stack.append(
                    _Frame(
                        {} if is_map else [],
                        path,
                        is_map,
                        event.anchor,
                        self.produced,
                        self.produced_chars,
                    )
                )
                continue

            # MappingEndEvent or SequenceEndEvent: attach the finished container to its parent.
            frame = stack.pop()
            value = frame.container
            if frame.merges:
                self._merge(frame)
            if frame.anchor is not None:
                self.anchors[frame.anchor] = (
                    value,
                    self.produced - frame.start + 1,
                    self.produced_chars - frame.start_chars,
                )
            if not stack:
                root = value
                return root
            parent = stack[-1]
            if parent.is_map:
                self._put(parent, value, values[frame.path], values, keys, diagnostics, lang, file)
            else:
                parent.container.append(value)

    def _put(
        self,
        frame: _Frame,
        value: Any,
        pos: Position,
        values: dict[Path, Position],
        keys: dict[Path, Position],
        diagnostics: list[Diagnostic],
        lang: str | None,
        file: str,
    ) -> None:
        """Store `value` under the frame's pending key, reporting a duplicate key."""
        key = frame.key
        key_pos = frame.key_pos
        assert key_pos is not None
        frame.key = _MISSING
        container = frame.container
        if key == "<<":
            if frame.merges is None:
                frame.merges = []
            frame.merges.append((value, pos))
            return
        path = (*frame.path, key)
        if key in container:
            first = keys.get(path)
            diagnostics.append(
                _error(
                    "Y006",
                    file,
                    key_pos.line,
                    key_pos.column,
                    lang,
                    key=key,
                    first=first.line if first else "?",
                    second=key_pos.line,
                )
            )
            return
        container[key] = value
        keys[path] = key_pos
        values[path] = pos

    def _merge(self, frame: _Frame) -> None:
        """Apply `<<` merge keys: merged entries never override keys written in the mapping."""
        container = frame.container
        values = self.result.positions.values
        keys = self.result.positions.keys
        for value, pos in frame.merges or ():
            sources = value if isinstance(value, list) else [value]
            for source in sources:
                if not isinstance(source, dict):
                    self.result.diagnostics.append(
                        _error("Y017", self.file, pos.line, pos.column, self.lang)
                    )
                    raise _Abort
                for key, item in source.items():
                    if key not in container:
                        container[key] = item
                        path = (*frame.path, key)
                        values[path] = pos
                        keys[path] = pos


def _columns(line: str) -> list[int]:
    """Return where a line's blocks start, innermost first: its key, then each `- ` item."""
    match = _KEY_LINE.match(line)
    if match is not None:
        head = line[: match.start(1)]
        columns = [match.start(1)]
    elif _ITEM_LINE.match(line):
        head = line
        columns = []
    else:
        return []
    stripped = head.rstrip()
    # Every dash before the content opens a list item at its own column.
    columns.extend(index for index in range(len(stripped) - 1, -1, -1) if stripped[index] == "-")
    return columns


def _short_tag(tag: str) -> str:
    """Show a tag the way an author wrote it (`!!python/...` rather than the full URI)."""
    if tag.startswith(_YAML):
        return "!!" + tag[len(_YAML) :]
    return tag
