"""Send-ready links: a draft as a ``mailto:`` link, and the percent-encoding every link uses.

``mailto_url(draft, to)`` opens the reader's email app with the recipient (when the address is
known), the subject and the whole body filled in, encoded as RFC 6068 asks: every character
outside the unreserved set is percent-encoded from its UTF-8 bytes, a space is ``%20`` (never
``+``, which mail clients show as a plus) and each line break is ``%0D%0A``. Bodies are never
shortened: a draft that is cut off silently is worse than a long link.

Standard library only, no clock: part of the core that also runs in Pyodide.
"""

from __future__ import annotations

from planner.drafts import EMAIL, Draft

# Bytes that are never percent-encoded (RFC 3986 "unreserved"; urllib.parse's always-safe set).
_ALWAYS_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


def _table(space: str, safe: bytes = b"") -> dict[int, str]:
    keep = _ALWAYS_SAFE | frozenset(safe)
    return {
        byte: space if byte == 0x20 else f"%{byte:02X}" for byte in range(256) if byte not in keep
    }


_PLUS = _table("+")
_PERCENT = _table("%20")
_ADDRESS = _table("%20", b"@")


def _translate(text: str, table: dict[int, str]) -> str:
    # The text's UTF-8 bytes read as Latin-1 (one character per byte), through str.translate:
    # one pass in C. The page builds links for every step on every change, so this is on the
    # path from typing to the redrawn plan; in Pyodide it is 3-4 times faster than
    # urllib.parse.quote, which calls a Python mapping per byte.
    return text.encode("utf-8").decode("latin-1").translate(table)


def quote_plus(text: str) -> str:
    """``urllib.parse.quote_plus(text)`` (tests/core/test_links.py checks they agree)."""
    return _translate(text, _PLUS)


def quote(text: str) -> str:
    """``urllib.parse.quote(text, safe="")``: spaces as ``%20``, every reserved character
    encoded (tests/core/test_links.py checks they agree)."""
    return _translate(text, _PERCENT)


def mailto_url(draft: Draft, to: str | None = None) -> str | None:
    """The draft as a ``mailto:`` link, or None when it is not an email (a letter, a card or a
    call). ``to`` is the recipient's address, left out when unknown (the reader picks it)."""
    if draft.medium != EMAIL:
        return None
    fields = []
    if draft.subject:
        fields.append("subject=" + quote(draft.subject))
    # RFC 6068 section 5: line breaks in a body are written as CRLF, encoded.
    body = draft.body.replace("\r\n", "\n").replace("\n", "\r\n")
    fields.append("body=" + quote(body))
    address = _translate(to.strip(), _ADDRESS) if to and to.strip() else ""
    return "mailto:" + address + "?" + "&".join(fields)
