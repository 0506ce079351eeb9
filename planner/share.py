"""Share links: the whole form, packed into a URL fragment that never reaches a server.

A link looks like ``https://.../planner/#p=1.<data>`` where ``1`` is the format version and
``<data>`` is base64url (no padding) of raw-deflated compact JSON. Compact JSON uses short keys
(``KEYS``) and leaves out whatever was not filled in, so a typical plan fits in a short link.

The link carries the *form* (the planner's raw input), never the computed plan: whoever opens it
recomputes the same dates, because dates depend only on the input, never on "today".

Decoding is forgiving: a field that cannot be read is dropped (and named in ``problems``) while
the rest is kept; a link from another format version or a damaged link gives a clear message.
Pure standard library.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from planner import fields

VERSION = 1
PREFIX = "p="
MAX_LINK_CHARS = 16_000  # far above any real plan; refuses pasted junk before decoding it
MAX_JSON_BYTES = 64_000  # decompression bomb guard

# Raw-input key -> short key in the link, from the field table (stable for VERSION 1).
KEYS: dict[str, str] = {spec.name: spec.key for spec in fields.TABLE}
LONG = {short: long for long, short in KEYS.items()}
# Fields the form offers as a fixed set of choices: a value outside the set cannot be shown in
# the form, so it is dropped (and named) rather than silently replaced by the default.
CHOICES: dict[str, frozenset[str]] = {
    spec.name: frozenset(spec.values) for spec in fields.TABLE if spec.kind is fields.Kind.CHOICE
}
_STRING_FIELDS = frozenset(
    spec.name
    for spec in fields.TABLE
    if spec.kind not in (fields.Kind.PEOPLE, fields.Kind.NAMES, fields.Kind.DAYS, fields.Kind.FLAG)
)
_DAY_FIELDS = frozenset(spec.name for spec in fields.TABLE if spec.kind is fields.Kind.DAYS)
_INTERVIEWER_PARTS = tuple(part.name for part in fields.field("interviewers").parts)

# What a person sees for each field when it had to be dropped from a link.
LABELS: dict[str, str] = {spec.name: spec.noun.lower() for spec in fields.TABLE}


@dataclass(frozen=True)
class Decoded:
    """What a link held: the raw form it could read, and plain-words problems, if any."""

    raw: dict[str, Any] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"raw": self.raw, "problems": list(self.problems)}


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


def compact(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The raw form with short keys and nothing empty. Unknown keys are not carried."""
    out: dict[str, Any] = {}
    for key, short in KEYS.items():
        value = raw.get(key)
        if key == "interviewers" and isinstance(value, list):
            rows = []
            for person in value:
                if not isinstance(person, Mapping):
                    continue
                row = [str(person.get(part) or "") for part in _INTERVIEWER_PARTS]
                while row and row[-1] == "":
                    row.pop()
                rows.append(row)
            value = rows
        elif key == "decision_end_of_week":
            value = 1 if value is True else None
        elif key in _DAY_FIELDS and isinstance(value, list):
            # The empty list is meaningful (an error the receiver should see too): keep it.
            out[short] = value
            continue
        if not _blank(value):
            out[short] = value
    return out


def encode(raw: Mapping[str, Any]) -> str:
    """``1.<base64url>`` for this form (without the ``#p=``)."""
    text = json.dumps(compact(raw), separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    # A broken character (a lone surrogate, from a bad paste) cannot be written as UTF-8: the
    # link carries the replacement character instead.
    text = re.sub("[\ud800-\udfff]", "\ufffd", text)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: no header, no checksum
    data = packer.compress(text.encode("utf-8")) + packer.flush()
    return f"{VERSION}." + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def fragment(raw: Mapping[str, Any]) -> str:
    """The whole URL fragment, ``#p=1.<data>``."""
    return "#" + PREFIX + encode(raw)


def decode(text: str) -> Decoded:
    """Read a link's fragment (``#p=1.…``, ``p=1.…`` or ``1.…``). Never raises."""
    text = text.strip().lstrip("#")
    text = text.removeprefix(PREFIX)
    if not text:
        return Decoded(problems=("This link holds no plan.",))
    if len(text) > MAX_LINK_CHARS:
        return Decoded(problems=(_damaged("it is far longer than any plan link"),))
    version, dot, data = text.partition(".")
    if not dot or not re.fullmatch(r"[0-9]{1,6}", version):
        return Decoded(problems=(_damaged("it does not start with a format number"),))
    if int(version) != VERSION:
        newer = int(version) > VERSION
        return Decoded(
            problems=(
                f"This link uses plan format {int(version)}, and this page reads format {VERSION}. "
                + (
                    "It was probably made by a newer version of the planner: reload the page, "
                    "or ask the sender to fill in the form again."
                    if newer
                    else "Please ask the sender for a new link, or fill in the form yourself."
                ),
            )
        )
    if not re.fullmatch(r"[A-Za-z0-9_-]*", data):
        return Decoded(problems=(_damaged("it contains characters a plan link never has"),))
    try:
        packed = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return Decoded(problems=(_damaged("it contains characters a plan link never has"),))
    unpacker = zlib.decompressobj(-15)
    try:
        body = unpacker.decompress(packed, MAX_JSON_BYTES)
    except zlib.error:
        return Decoded(problems=(_damaged("its data cannot be unpacked"),))
    if unpacker.unconsumed_tail:
        return Decoded(problems=(_damaged("it unpacks to far more than any plan"),))
    try:
        data_obj = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return Decoded(problems=(_damaged("part of it is missing (was it copied in full?)"),))
    if not isinstance(data_obj, dict):
        return Decoded(problems=(_damaged("it does not hold a form"),))
    return _expand(data_obj)


def _damaged(why: str) -> str:
    return f"This link could not be read: {why}. The form below was not changed."


def _expand(data: Mapping[str, Any]) -> Decoded:
    raw: dict[str, Any] = {}
    dropped: list[str] = []
    for short, value in data.items():
        key = LONG.get(short)
        if key is None:
            continue  # a field from a later planner: nothing to fill in here
        if key in CHOICES:
            if isinstance(value, str) and (value in CHOICES[key] or value == ""):
                raw[key] = value
            else:
                dropped.append(key)
        elif key in _STRING_FIELDS:
            if isinstance(value, str):
                raw[key] = value
            else:
                dropped.append(key)
        elif key == "decision_end_of_week":
            if value in (0, 1) and not isinstance(value, float):
                raw[key] = bool(value)
            else:
                dropped.append(key)
        elif key == "interviewers":
            people = _interviewers(value)
            if people is None:
                dropped.append(key)
            else:
                raw[key] = people
        elif key == "references":
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                raw[key] = list(value)
            else:
                dropped.append(key)
        elif key in _DAY_FIELDS:
            if isinstance(value, list) and all(
                isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 6 for v in value
            ):
                raw[key] = sorted(set(value))
            else:
                dropped.append(key)
    problems: tuple[str, ...] = ()
    if dropped:
        names = ", ".join(LABELS[k] for k in dropped)
        problems = (
            f"Part of this link could not be read ({names}), so it was left out; "
            "everything else in the link was filled in.",
        )
    return Decoded(raw=raw, problems=problems)


def _interviewers(value: Any) -> list[dict[str, str]] | None:
    if not isinstance(value, list):
        return None
    people = []
    for row in value:
        if not isinstance(row, list) or len(row) > 3 or not all(isinstance(v, str) for v in row):
            return None
        padded = list(row) + [""] * (3 - len(row))
        people.append(dict(zip(_INTERVIEWER_PARTS, padded, strict=True)))
    return people
