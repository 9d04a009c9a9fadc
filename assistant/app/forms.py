"""What a form does for the person before validation: a time typed without a zone is read in this computer's
zone (said under the field), so "2026-11-20 14:05" is an answer, not an error."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime


def local_zone(now: datetime | None = None) -> str:
    """This computer's UTC offset now, as "+08:00"."""
    offset = (now or datetime.now()).astimezone().utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def with_default_zone(kind: str, text: str, zone: str) -> str:
    """`text` with `zone` added when it is a time that only lacks its zone; anything else as it is."""
    if kind != "datetime" or not text.strip() or not zone:
        return text
    from assistant.validation.fields import validate  # only once a time is typed: start-up stays light

    _value, problem = validate("datetime", text.strip())
    return f"{text.strip()} {zone}" if problem is not None and problem.code == "datetime_no_timezone" else text


def with_default_zones(kinds: Mapping[str, str], values: Mapping[str, str], zone: str) -> dict[str, str]:
    """Every datetime value (by field name → kind) completed with `zone` where it has none."""
    return {name: with_default_zone(kinds.get(name, ""), value, zone) for name, value in values.items()}
