"""Secrets wrapped in an encoding: base64 or hex (of a phrase, a key or any text) and byte literals (b'\\x12…').

A scammer may coach someone to "encode it first" so a filter sees only letters and digits. Each token that
decodes is looked at again: text that decodes cleanly is scanned once more (one level deep), and exactly 32 or
64 decoded bytes are the size of a private key or a Solana keypair. Hashes and addresses never qualify: hex
and base58 strings decode from base64 to bytes that are not text, and base64 of 32 bytes ends in '='.
"""
from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

_BASE64 = re.compile(r"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{32,}={0,2}(?![A-Za-z0-9+/=_-])")
_HEX_TEXT = re.compile(r"(?<![0-9A-Za-z])(?:[0-9a-fA-F]{2}){24,}(?![0-9A-Za-z])")  # text written as hex bytes
_BYTES_LITERAL = re.compile(r"""b(["'])((?:\\x[0-9a-fA-F]{2}){16,128})\1""")
_MAX_TOKEN = 20_000  # longer runs are not something a person pastes as one secret
KEY_SIZES = (32, 64)
_GLUED_LETTERS = 36  # twelve words of three letters


@dataclass(frozen=True, slots=True)
class Wrapped:
    start: int
    end: int
    text: str | None = None  # decoded text, to be scanned again
    key_bytes: int = 0  # or: the number of raw bytes, when they have the size of a key


def wrapped(text: str) -> list[Wrapped]:
    """Every token of `text` that decodes to text or to key-sized bytes."""
    found: list[Wrapped] = []
    for m in _BASE64.finditer(text):
        token = m.group()
        if len(token) > _MAX_TOKEN or len(token) % 4:
            continue
        try:
            raw = base64.b64decode(token, validate=True)
        except (binascii.Error, ValueError):
            continue
        decoded = _as_text(raw)
        if decoded is not None:
            found.append(Wrapped(m.start(), m.end(), text=decoded))
        elif len(raw) in KEY_SIZES and token.endswith("="):
            found.append(Wrapped(m.start(), m.end(), key_bytes=len(raw)))
    for m in _HEX_TEXT.finditer(text):
        if len(m.group()) <= _MAX_TOKEN and len(m.group()) != 64:  # 32 bytes are a key or a hash, never text
            decoded = _as_text(bytes.fromhex(m.group()))
            if decoded is not None:
                found.append(Wrapped(m.start(), m.end(), text=decoded))
    for m in _BYTES_LITERAL.finditer(text):
        size = len(m.group(2)) // 4
        if size in KEY_SIZES:
            found.append(Wrapped(m.start(), m.end(), key_bytes=size))
    return found


def _as_text(raw: bytes) -> str | None:
    """The bytes as text when they are printable UTF-8 with spaces or line breaks (words, not binary)."""
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not decoded.strip() or any(not c.isprintable() and c not in "\n\r\t" for c in decoded):
        return None
    if any(c.isspace() for c in decoded) or not decoded.isascii():
        return decoded
    return decoded if decoded.isalpha() and len(decoded) >= _GLUED_LETTERS else None  # words glued together
