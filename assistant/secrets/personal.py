"""Personal but public-looking data cut out of diagnostics: email addresses, wallet addresses, transaction hashes.

They are not secrets (they may go to support on purpose), but a crash log is not a support request: it stays on
disk, may be attached or pasted anywhere later, and nobody checks what it holds. So logs keep their shape and
lose the values: `alex@example.com` becomes `[email]`, `0x5aAe…` becomes `[address]`.
"""
from __future__ import annotations

import re

_B58 = "1-9A-HJ-NP-Za-km-z"
_PATTERNS = (
    ("[email]", re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+")),
    ("[hash]", re.compile(r"\b(?:0x)?[0-9a-fA-F]{64}\b")),
    ("[address]", re.compile(r"\b0x[0-9a-fA-F]{40}\b")),
    ("[address]", re.compile(r"\b(?:bc|tb|ltc)1[02-9ac-hj-np-z]{8,87}\b", re.IGNORECASE)),
    # TRON, legacy Bitcoin and Solana: long base58 runs holding both digits and letters (not ordinary words)
    ("[address]", re.compile(rf"\b(?=[{_B58}]*\d)(?=[{_B58}]*[A-Za-z])[{_B58}]{{25,90}}\b")),
)


def redact_personal(text: str) -> str:
    """`text` with email addresses, wallet addresses and transaction hashes replaced by placeholders."""
    for placeholder, pattern in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text
