"""The check every attached picture goes through: read its text, refuse a recovery phrase or key, or say it
could not be checked (then it leaves only after the person confirms it shows none)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assistant.secrets.scan import Severity, find_secrets
from assistant.vision import engine
from assistant.vision.engine import Reading, ReadStatus, Recogniser
from assistant.vision.phrase import judge


class PictureState(StrEnum):
    CLEAR = "clear"  # read, and nothing secret found
    REFUSED = "refused"  # shows a recovery phrase or a private key: it never leaves
    UNCHECKED = "unchecked"  # not read (no OCR, or it failed), or it shows a code that may be a key: the person must confirm


@dataclass(frozen=True, slots=True)
class PictureCheck:
    state: PictureState
    kind: str = ""  # REFUSED: what it shows ("mnemonic", "private_key_hex", …)
    detail: str = ""  # REFUSED: neutral numbers; UNCHECKED: why ("unavailable", "failed", "doubtful")
    reading: Reading | None = None  # the text read, for filling fields

    @property
    def refused(self) -> bool:
        return self.state is PictureState.REFUSED


def check_picture(data: bytes, recognise: Recogniser | None = None) -> PictureCheck:
    """Read the picture and judge it; never raises for a bad picture (it comes back UNCHECKED)."""
    reading = (recognise or engine.recognise)(data)
    if reading.status is not ReadStatus.READ:
        return PictureCheck(PictureState.UNCHECKED, detail=reading.status.value, reading=reading)
    verdict = judge(reading.lines)
    if verdict.refused:
        return PictureCheck(PictureState.REFUSED, verdict.kind, verdict.detail, reading)
    # What the text firewall would ask about (an unlabelled 64-hex code: a transaction hash, or a private key) is
    # never passed silently in a picture either: the person looks and confirms.
    if any(f.severity is Severity.CONFIRM for f in find_secrets(reading.text)):
        return PictureCheck(PictureState.UNCHECKED, detail="doubtful", reading=reading)
    return PictureCheck(PictureState.CLEAR, reading=reading)
