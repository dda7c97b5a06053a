"""Reading TOML files with errors a person can act on, and writing them safely typed.

A syntax error names the file, line and column; a validation error names the
field path and, where it can be found, the line. `locate` finds that line by
reading the file's table headers and keys (tomllib keeps no positions).
"""

from __future__ import annotations

import functools
import os
import re
import stat
import tomllib
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from facilitator.errors import UserError
from facilitator.i18n import Lang, pick
from facilitator.tomlsyntax import explain_syntax

MAX_FILE_BYTES = 5 * 1024 * 1024

Loc = tuple[str | int, ...]


class FileProblem(UserError):
    """One or more problems in one file; `problems` holds one line each."""

    def __init__(self, path: Path, problems: Sequence[str]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def read_toml(path: Path, lang: Lang = "nb") -> tuple[dict[str, Any], str]:
    """Parse a TOML file; raise `FileProblem` with file:line:column on any problem."""
    t = _texts(lang)
    try:
        if path.is_dir():
            raise FileProblem(path, [f"{path}: {t['is_dir']}"])
        # Only a regular file (a link to one is fine): /dev/zero would be read until
        # memory runs out, and a FIFO with no writer would block for ever.
        if not stat.S_ISREG(path.stat().st_mode):
            raise FileProblem(path, [f"{path}: {t['not_a_file']}"])
        # Opened without blocking, so a FIFO swapped in since the check cannot hang
        # us, and read no further than the limit: a file that grows is still bounded.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise FileProblem(path, [f"{path}: {t['not_a_file']}"])
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            size = max(len(raw), path.stat().st_size)
            raise FileProblem(path, [f"{path}: {t['too_big'].format(mb=size // 1024 // 1024)}"])
    except FileNotFoundError:
        raise FileProblem(path, [f"{path}: {t['missing']}"]) from None
    except PermissionError:
        raise FileProblem(path, [f"{path}: {t['no_access']}"]) from None
    except OSError as exc:
        raise FileProblem(path, [f"{path}: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FileProblem(path, [f"{path}:{line}: {t['not_utf8']}"]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = tomllib.loads(text)
    except RecursionError:
        # tomllib recurses into nested arrays and tables; thousands of `[` is garbage
        raise FileProblem(path, [f"{path}: {t['too_deep']}"]) from None
    except tomllib.TOMLDecodeError as exc:
        where = f"{path}:{_syntax_position(exc)}"
        raise FileProblem(path, [f"{where}{t['syntax']}: {_syntax_msg(exc, lang)}"]) from None
    return data, text


_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_END = re.compile(r"\s*\(at end of document\)\s*$")


def _syntax_position(exc: tomllib.TOMLDecodeError) -> str:
    m = _POS.search(str(exc))
    if m:
        return f"{m.group(1)}:{m.group(2)}: "
    return " "


def _syntax_msg(exc: tomllib.TOMLDecodeError, lang: Lang) -> str:
    # tomllib's own words are English and about the parser: say them in the user's
    # language, with the usual cause (`explain_syntax`), and the position part too
    at_end = pick(lang, nb=" (på slutten av filen)", en=" (at the end of the file)")
    message = str(exc)
    ending = at_end if _END.search(message) else ""
    return explain_syntax(_END.sub("", _POS.sub("", message)), lang) + ending


def validation_problems(
    path: Path,
    exc: ValidationError,
    text: str | None,
    lang: Lang,
    loc_map: Any = None,
    prefix: Loc = (),
    data: Any = None,
) -> list[str]:
    """One line per pydantic error: `file:line: field.path: what was expected`."""
    found: list[tuple[int, str]] = []
    for err in exc.errors(include_url=False):
        loc: Loc = prefix + tuple(p for p in err["loc"] if not _is_tag(p))
        file_loc = loc_map(loc) if loc_map else loc
        line = locate(text, file_loc) if (text is not None and file_loc is not None) else None
        where = f"{path}:{line}" if line else f"{path}"
        top = pick(lang, nb="(øverste nivå)", en="(top level)")
        field = format_loc(loc, data) or top
        found.append((line or 0, f"{where}: {field}: {explain(err, lang)}"))
    return [text for _, text in sorted(found, key=lambda item: item[0])]


def _is_tag(part: object) -> bool:
    # pydantic adds the function name of a model validator to the location
    return isinstance(part, str) and part.startswith("function-")


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
SHOWN_ID = 40


def shown_id(ident: str) -> str:
    """An id from a file as it may be quoted in a message: control characters as
    escapes (an ESC would drive the terminal, a form feed split the line), and
    cut short (the message is one line, whatever the file holds)."""
    safe = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), ident)
    return safe if len(safe) <= SHOWN_ID else safe[: SHOWN_ID - 1] + "…"


def format_loc(loc: Loc, data: Any = None) -> str:
    """`steps[3] "innsjekk".minutes`: indices, with the id of the entry where known,
    since an index alone is hard to count in a long file."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            ident = node.get("id") if isinstance(node, dict) else None
            if isinstance(ident, str) and ident:
                out += f' "{shown_id(ident)}"'
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


_EXPECT_NB = {
    "missing": "mangler; feltet må være med",
    "extra_forbidden": "ukjent felt; sjekk stavemåten (se `facilitator agenda schema`)",
    "int_type": "forventet et heltall",
    "int_parsing": "forventet et heltall",
    "int_from_float": "forventet et heltall, ikke desimaltall",
    "float_type": "forventet et tall",
    "float_parsing": "forventet et tall",
    "string_type": "forventet tekst i anførselstegn",
    "bool_type": "forventet true eller false",
    "list_type": "forventet en liste [ ... ]",
    "dict_type": 'forventet en tabell (nb = "...", en = "...")',
    "model_type": 'forventet en tabell, for eksempel { nb = "...", en = "..." }',
    "model_attributes_type": 'forventet en tabell, for eksempel { nb = "...", en = "..." }',
    "date_type": "forventet en dato som 2026-03-01",
    "date_parsing": "forventet en dato som 2026-03-01",
    "datetime_type": "forventet et tidspunkt som 2026-03-01T09:00:00Z",
    "datetime_parsing": "forventet et tidspunkt som 2026-03-01T09:00:00Z",
    "timezone_aware": "forventet et tidspunkt med tidssone, for eksempel 2026-03-01T09:00:00Z",
}
_EXPECT_EN = {
    "missing": "missing; this field is required",
    "extra_forbidden": "unknown field; check the spelling (see `facilitator agenda schema`)",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number, not a decimal",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "string_type": "expected text in quotes",
    "bool_type": "expected true or false",
    "list_type": "expected a list [ ... ]",
    "dict_type": 'expected a table (nb = "...", en = "...")',
    "model_type": 'expected a table, for example { nb = "...", en = "..." }',
    "model_attributes_type": 'expected a table, for example { nb = "...", en = "..." }',
    "date_type": "expected a date like 2026-03-01",
    "date_parsing": "expected a date like 2026-03-01",
    "datetime_type": "expected a time like 2026-03-01T09:00:00Z",
    "datetime_parsing": "expected a time like 2026-03-01T09:00:00Z",
    "timezone_aware": "expected a time with a time zone, for example 2026-03-01T09:00:00Z",
}


def explain(err: Any, lang: Lang) -> str:
    """What was expected, in the user's language where we know the error type."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = _got(err.get("input"), kind, lang)
    table = pick(lang, nb=_EXPECT_NB, en=_EXPECT_EN)
    nb = pick(lang, nb=True, en=False)
    if kind in table:
        msg = table[kind]
    elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        sign = {
            "greater_than_equal": "≥",
            "greater_than": ">",
            "less_than_equal": "≤",
            "less_than": "<",
        }[kind]
        bound = next(iter(ctx.values()), "?")
        msg = f"{'forventet et tall' if nb else 'expected a number'} {sign} {bound}"
    elif kind in ("too_long", "string_too_long"):
        most = ctx.get("max_length", "?")
        msg = (f"for langt: høyst {most}" if nb else f"too long: at most {most}") + (
            " tegn"
            if nb and kind == "string_too_long"
            else " characters"
            if kind == "string_too_long"
            else " elementer"
            if nb
            else " items"
        )
        got = ""
    elif kind in ("too_short", "string_too_short"):
        msg = "kan ikke være tom" if nb else "must not be empty"
    elif kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "x00" in pattern:
            msg = (
                "inneholder kontrolltegn; bare vanlig tekst, linjeskift og tabulator er lov"
                if nb
                else "contains control characters; only plain text, line breaks and "
                "tabs are allowed"
            )
            got = ""
        else:
            msg = (
                "forventet små bokstaver a-z, sifre, - og _ (høyst 64 tegn)"
                if nb
                else "expected lower-case a-z, digits, - and _ (at most 64 characters)"
            )
    elif kind in ("literal_error", "enum"):
        options = str(ctx.get("expected", ""))
        if nb:
            msg = f"forventet en av {options.replace(' or ', ' eller ')}"
        else:
            msg = f"expected one of {options}"
    elif "nb" in ctx and "en" in ctx:
        # our own rules (see `rule_error`) carry both languages
        msg = str(ctx["nb"] if nb else ctx["en"])
        got = ""
    elif kind == "value_error":
        msg = str(ctx.get("error", err.get("msg", "")))
        got = ""
    else:
        msg = err.get("msg", kind)
    return f"{msg}{got}"


def _got(value: Any, kind: str, lang: Lang) -> str:
    if kind in ("missing", "extra_forbidden") or isinstance(value, dict | list):
        return ""
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return pick(lang, nb=f" (fikk {text})", en=f" (got {text})")


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*(\]\]?)\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\.\"' ]+?)\s*=")


def _split_key(key: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in key.split("."))


def locate(text: str, loc: Loc) -> int | None:
    """Best-effort line number of a field path in a TOML text (None if not found).

    Tracks `[table]` and `[[array.of.tables]]` headers (with their indices) and
    `key =` lines, then picks the entry that matches the longest prefix of `loc`.
    """
    arrays: dict[tuple[str | int, ...], int] = {}
    current: tuple[str | int, ...] = ()
    best_line, best_len = None, 0
    in_multiline: str | None = None

    def resolve(parts: tuple[str, ...]) -> tuple[str | int, ...]:
        path: tuple[str | int, ...] = ()
        for part in parts:
            path += (part,)
            if path in arrays:
                path += (arrays[path],)
        return path

    def consider(path: tuple[str | int, ...], lineno: int) -> None:
        nonlocal best_line, best_len
        n = 0
        for a, b in zip(path, loc, strict=False):
            if a != b:
                break
            n += 1
        if n == len(path) and n > best_len:
            best_line, best_len = lineno, n

    for lineno, line in enumerate(text.splitlines(), 1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        m = _HEADER.match(line)
        if m and not line.lstrip().startswith("#"):
            parts = _split_key(m.group(2))
            if m.group(1) == "[[":
                array = (*resolve(parts[:-1]), parts[-1])
                arrays[array] = arrays.get(array, -1) + 1
                current = (*array, arrays[array])
            else:
                current = resolve(parts)
            consider(current, lineno)
            continue
        k = _KEY.match(line)
        if k and not line.lstrip().startswith("#"):
            consider(current + _split_key(k.group(1)), lineno)
            rest = line[k.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote
    return best_line


def _texts(lang: Lang) -> dict[str, str]:
    return pick(
        lang,
        nb={
            "missing": "finner ikke filen",
            "no_access": "mangler tilgang til filen",
            "is_dir": "er en mappe, ikke en fil",
            "not_a_file": "er ikke en vanlig fil (men en enhet, et rør eller lignende)",
            "too_big": "filen er for stor ({mb} MB); høyst 5 MB",
            "not_utf8": "filen er ikke gyldig UTF-8-tekst (lagre den som UTF-8)",
            "syntax": "feil i TOML-syntaksen",
            "too_deep": (
                "filen har for mange nivåer med tabeller eller lister til å være en ekte fil"
            ),
        },
        en={
            "missing": "no such file",
            "no_access": "permission denied",
            "is_dir": "is a folder, not a file",
            "not_a_file": "is not an ordinary file (a device, a pipe or the like)",
            "too_big": "the file is too large ({mb} MB); at most 5 MB",
            "not_utf8": "the file is not valid UTF-8 text (save it as UTF-8)",
            "syntax": "TOML syntax error",
            "too_deep": "the file nests tables or lists too deeply to be a real file",
        },
    )


# --- writing ----------------------------------------------------------------------
#
# `dumps` writes exactly what tomli-w writes for the same data (a test holds the two
# to the same bytes), so files written before and after read the same. tomli-w looks
# at every character of every string in Python; a session with 500 notes has some
# 3,000 strings, and that was most of the time of a save. Here one regular expression
# finds what needs escaping (mostly nothing), and a model dump is written as it is
# (None left out, enums as their values) without first being copied by `to_toml_data`.

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TO_ESCAPE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')
_ESCAPES = {
    **{chr(i): f"\\u{i:04x}" for i in [*range(0x20), 0x7F] if i != 0x09},
    "\b": "\\b",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}
_INDENT = "    "
_MAX_INLINE = 100
"""tomli-w writes a table in an array inline when it fits in this many columns."""


def dumps(data: dict[str, Any]) -> str:
    """TOML text of `data` (a model dump: None values are left out, enums written
    as their values), byte for byte as `tomli_w.dumps(to_toml_data(data))`."""
    out: list[str] = []
    _table(data, "", False, out)
    return "".join(out)


def _string(text: str) -> str:
    if _TO_ESCAPE.search(text) is None:
        return f'"{text}"'
    return f'"{_TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)}"'


@functools.lru_cache(maxsize=1024)
def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _literal(value: Any, nest: int = 0) -> str:
    if type(value) is str:  # most values: checked first
        return _string(value)
    if isinstance(value, Enum):
        value = value._value_
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, datetime, date)):
        return str(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = _INDENT * (nest + 1)
        items = ",\n".join(inner + _literal(item, nest + 1) for item in value)
        return f"[\n{items},\n{_INDENT * nest}]"
    if isinstance(value, dict):
        return _inline_table(value)
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _inline_table(table: dict[str, Any]) -> str:
    pairs = ", ".join(f"{_key(str(k))} = {_literal(v)}" for k, v in table.items() if v is not None)
    return f"{{ {pairs} }}" if pairs else "{}"


def _inline_tables(tables: list[dict[str, Any]] | tuple[dict[str, Any], ...]) -> list[str] | None:
    """The tables of an array each on one line, or None if one does not fit."""
    out = []
    for table in tables:
        line = _inline_table(table)
        if len(_INDENT) + len(line) + 1 > _MAX_INLINE or "\n" in line:
            return None
        out.append(line)
    return out


def _table(table: dict[str, Any], name: str, in_array: bool, out: list[str]) -> None:
    literals: list[str] = []
    tables: list[tuple[str, dict[str, Any], bool]] = []
    for k, v in table.items():
        if v is None:
            continue
        key = _key(str(k))
        if type(v) is str:  # most values: checked first
            literals.append(f"{key} = {_string(v)}\n")
        elif isinstance(v, dict):
            tables.append((key, v, False))
        elif isinstance(v, (list, tuple)) and v and all(isinstance(t, dict) for t in v):
            inline = _inline_tables(v)
            if inline is None:
                tables.extend((key, t, True) for t in v)
            else:
                items = "".join(f"{_INDENT}{line},\n" for line in inline)
                literals.append(f"{key} = [\n{items}]\n")
        else:
            literals.append(f"{key} = {_literal(v)}\n")
    written = False
    if in_array or (name and (literals or not tables)):
        out.append(f"[[{name}]]\n" if in_array else f"[{name}]\n")
        written = True
    if literals:
        out.extend(literals)
        written = True
    for key, v, array in tables:
        if written:
            out.append("\n")
        written = True
        _table(v, f"{name}.{key}" if name else key, array, out)


def to_toml_data(value: Any) -> Any:
    """Make a model dump writable by tomli-w: no None, enums as values, tuples as lists."""
    if isinstance(value, dict):
        return {str(k): to_toml_data(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [to_toml_data(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | str | int | float | bool):
        return value
    raise TypeError(f"cannot write {type(value).__name__} to TOML")
