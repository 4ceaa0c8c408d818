"""A small block-style YAML writer for plain data: mappings, lists, strings, numbers, booleans, null.

Strings are written double-quoted as JSON writes them (a JSON string is a valid YAML double-quoted
scalar), so no value is ever read back as another type. Kept here so that the generator needs nothing
beyond the standard library.
"""
from __future__ import annotations

import json
import re
from typing import Any

PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Words YAML 1.1 readers take for booleans or null: quoted even as keys.
SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def key(name: str) -> str:
    if PLAIN_KEY.match(name) and name.lower() not in SPECIAL:
        return name
    return json.dumps(name, ensure_ascii=False)


def dump(value: Any) -> str:
    lines: list[str] = []
    _write(value, 0, lines)
    return "\n".join(lines) + "\n"


def _write(value: Any, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for name, item in value.items():
            if _is_block(item):
                lines.append(f"{pad}{key(name)}:")
                _write(item, indent + 2, lines)
            else:
                lines.append(f"{pad}{key(name)}: {_inline(item)}")
    elif isinstance(value, list):
        for item in value:
            if _is_block(item):
                lines.append(f"{pad}-")
                _write(item, indent + 2, lines)
            else:
                lines.append(f"{pad}- {_inline(item)}")
    else:
        lines.append(pad + scalar(value))


def _is_block(value: Any) -> bool:
    return isinstance(value, (dict, list)) and len(value) > 0


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return scalar(value)
