"""Typed form fields and their validators. Pure Python; every problem says what a valid value looks like.

`validate(kind, value, chain)` returns the normalised value and a FieldProblem (None when valid): a code and its
parameters. The words live only in content: `Texts.field_error` looks up `ui.field_error.<code>` and fills in
the parameters. Normalised values validate again to themselves, because the flow engine stores and re-validates them.
Chain knowledge (address / tx-hash formats, explorers) lives in `assistant.validation.chains`.
"""
from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, available_timezones

from assistant.validation import chains as _chains
from assistant.validation.kinds import FIELD_KINDS


@dataclass(frozen=True, slots=True)
class FieldProblem:
    code: str  # stable id, also the key of the localised message: ui.field_error.<code>
    params: dict = field(default_factory=dict)



TEXT_MAX, MULTILINE_MAX, MAX_DECIMALS = 200, 5000, 18
FUTURE_SLACK = timedelta(days=1)
EARLIEST = datetime(2009, 1, 3, tzinfo=UTC)  # Bitcoin genesis block: no crypto event predates it

# Stable codes; the text of each is `ui.field_error.<code>` in content/locales (what a valid value looks like).
FIELD_ERROR_CODES = frozenset({
    "required", "not_text", "select_unknown", "text_single_line", "text_control_chars", "text_direction_chars",
    "text_too_long",
    "secret_detected", "evm_address_format", "evm_address_checksum", "tron_address_format", "tron_address_checksum",
    "btc_address_format", "btc_address_checksum", "btc_address_encoding", "btc_address_mixed_case",
    "btc_address_testnet", "solana_address_format", "address_wrong_family", "address_looks_like_hash",
    "address_format", "address_generic_format", "address_network_format", "evm_tx_hash_format", "tron_tx_hash_format", "btc_tx_hash_format",
    "solana_tx_hash_format", "tx_hash_format", "tx_hash_wrong_family", "tx_hash_is_address", "tx_url_no_hash",
    "tx_url_wrong_network", "amount_format", "amount_not_positive", "amount_too_precise", "datetime_format",
    "datetime_no_timezone", "datetime_unknown_timezone", "datetime_in_future", "datetime_too_early", "email_format",
    "version_format", "ticket_format", "url_format", "exchange_uid_format",
})

EXAMPLES = {
    "amount": "120.5 USDT", "datetime": "2026-11-20 14:05 +08:00", "email": "alex.chen@example.com", "version": "2.3.1",
    "ticket": "TP-20261120-0042, #318842", "url": "https://tokenpocket-support.example/verify", "exchange_uid": "35871942",
}


def _problem(code: str, **params) -> FieldProblem:
    if code not in FIELD_ERROR_CODES:
        raise ValueError(f"unknown field error code {code!r}")
    return FieldProblem(code, params)


def _ex(code: str, kind: str) -> FieldProblem:
    return _problem(code, example=EXAMPLES[kind])


def _from_issue(norm: str, issue: _chains.Issue | None) -> tuple[str, FieldProblem | None]:
    return norm, None if issue is None else _problem(issue.code, **issue.params)


# ---- text ------------------------------------------------------------------------------------------------------
_DIRECTION_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _bad_chars(s: str, allowed: str = "") -> bool:
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in s)


def _text(value: str) -> tuple[str, FieldProblem | None]:
    value = value.replace("\t", " ")
    if "\n" in value or "\r" in value or "\u2028" in value or "\u2029" in value:
        return value, _problem("text_single_line")
    if _bad_chars(value):
        return value, _problem("text_control_chars")
    if len(value) > TEXT_MAX:
        return value, _problem("text_too_long", max=TEXT_MAX, length=len(value))
    return value, None


def _multiline(value: str) -> tuple[str, FieldProblem | None]:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _bad_chars(value, "\n\t"):
        return value, _problem("text_control_chars")
    if len(value) > MULTILINE_MAX:
        return value, _problem("text_too_long", max=MULTILINE_MAX, length=len(value))
    return value, None


# ---- amount ----------------------------------------------------------------------------------------------------
_SYMBOL = r"[^\W\d_][\w.\-]{0,19}"
_AMOUNT = re.compile(
    rf"(?:(?P<pre>{_SYMBOL})\s*)?(?P<sign>[+-]?)(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)"
    rf"\s*(?P<post>{_SYMBOL})?"
)


def _amount(value: str) -> tuple[str, FieldProblem | None]:
    s = unicodedata.normalize("NFKC", value).replace("\u2212", "-").strip()
    m = _AMOUNT.fullmatch(s) if len(s) <= 80 else None
    if not m or (m["pre"] and m["post"]) or re.search(r"\d[eE][+-]?\d", s):  # no scientific notation
        return value, _ex("amount_format", "amount")
    number = Decimal(m["num"].replace(",", ""))
    whole, _, decimals = m["num"].replace(",", "").partition(".")
    if m["sign"] == "-" or number == 0:
        return value, _ex("amount_not_positive", "amount")
    if len(decimals) > MAX_DECIMALS:
        return value, _problem("amount_too_precise", max_decimals=MAX_DECIMALS, example=EXAMPLES["amount"])
    if len(whole.lstrip("0")) > 30:
        return value, _ex("amount_format", "amount")
    symbol = m["pre"] or m["post"]
    text = format(number, "f")
    return (f"{text} {symbol}" if symbol else text), None


# ---- date and time ---------------------------------------------------------------------------------------------
_DATETIME = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s*T\s*|\s+|\s*,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*([AaPp]\.?[Mm]\.?(?![^\W\d_]))?\s*(.*)"
)
_OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.I)
_NORMALISED_TAIL = re.compile(r"\s*\(UTC [^()]*\)$")


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    """Region/City names, case-insensitively. Empty without a time-zone database; offsets still work then."""
    return {name.lower(): name for name in available_timezones() if "/" in name}


def _zone(text: str) -> tzinfo | None | str:
    """tzinfo, None when absent, or the text itself when it is not a usable zone."""
    tz = text.strip().strip("()[]").strip()
    if not tz:
        return None
    if tz.upper() in ("Z", "UTC", "GMT"):
        return UTC
    m = _OFFSET.fullmatch(tz)
    if m:
        minutes = int(m[2]) * 60 + int(m[3] or 0)
        if int(m[3] or 0) >= 60 or minutes > 14 * 60:
            return tz
        return timezone(timedelta(minutes=-minutes if m[1] == "-" else minutes))
    name = _zone_names().get(tz.lower())
    if name:
        try:
            return ZoneInfo(name)
        except (ValueError, OSError, KeyError):
            pass
    return tz


def _iso(dt: datetime, seconds: bool, zulu: bool = False) -> str:
    """2026-11-20T14:05+08:00, or 2026-11-20T06:05Z with `zulu` (for a UTC datetime)."""
    text = dt.strftime("%Y-%m-%dT%H:%M:%S" if seconds else "%Y-%m-%dT%H:%M")
    offset = dt.utcoffset()
    if offset is None:
        raise ValueError("a naive datetime has no zone to show")
    minutes = int(offset.total_seconds() // 60)
    return text + ("Z" if zulu else f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}")


def _datetime(value: str, now: datetime | None = None) -> tuple[str, FieldProblem | None]:
    s = unicodedata.normalize("NFKC", value).replace("\u2212", "-").replace("年", "-").replace("月", "-")
    m = _DATETIME.fullmatch(_NORMALISED_TAIL.sub("", s.replace("日", " ").strip())) if len(s) <= 200 else None
    if not m:
        return value, _ex("datetime_format", "datetime")
    year, month, day, hour, minute = (int(x) for x in m.groups()[:5])
    second = int(m[6] or 0)
    if m[7]:
        if not 1 <= hour <= 12:
            return value, _ex("datetime_format", "datetime")
        hour = hour % 12 + (12 if m[7][0] in "Pp" else 0)
    tz = _zone(m[8])
    if tz is None:
        return value, _ex("datetime_no_timezone", "datetime")
    if isinstance(tz, str):
        return value, _problem("datetime_unknown_timezone", zone=tz, example=EXAMPLES["datetime"])
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=tz)
        utc = local.astimezone(UTC)
    except (ValueError, OverflowError):
        return value, _ex("datetime_format", "datetime")
    if utc < EARLIEST:
        return value, _problem("datetime_too_early", earliest="2009-01-03", example=EXAMPLES["datetime"])
    if utc > (now or datetime.now(UTC)) + FUTURE_SLACK:
        return value, _ex("datetime_in_future", "datetime")
    seconds = second != 0
    return f"{_iso(local, seconds)} (UTC {_iso(utc, seconds, zulu=True)})", None


# ---- contact and references ------------------------------------------------------------------------------------
_LOCAL_PART = re.compile(r"[^\s@\"(),:;<>\[\]\\]{1,64}")
_LABEL = re.compile(r"[^\W_](?:[^\W_]|-){0,61}(?<!-)|[^\W_]")


def _email(value: str) -> tuple[str, FieldProblem | None]:
    s = unicodedata.normalize("NFKC", value).strip()
    s = s[7:] if s.lower().startswith("mailto:") else s
    local, at, domain = s.rpartition("@")
    labels = domain.lower().rstrip(".").split(".")
    ok = (
        at and _LOCAL_PART.fullmatch(local) and not local.startswith(".") and not local.endswith(".")
        and ".." not in local and len(domain) <= 253 and len(labels) >= 2
        and all(_LABEL.fullmatch(label) for label in labels)
        and (re.fullmatch(r"[^\W\d_]{2,63}", labels[-1]) or re.fullmatch(r"xn--[a-z0-9-]{2,59}", labels[-1]))
    )
    if not ok:
        return value, _ex("email_format", "email")
    return f"{local}@{'.'.join(labels)}", None


_VERSION = re.compile(  # 2.3.1, v1.9.8, 2.3.1-beta, V2.3.1 (1234)
    r"(?:v|version\s*)?(\d{1,4}(?:\.\d{1,6}){1,3})((?:[-+ ]?[A-Za-z][\w.\-]{0,20})?(?:\s*\(\w{1,20}\))?)", re.I
)


def _version(value: str) -> tuple[str, FieldProblem | None]:
    s = unicodedata.normalize("NFKC", value).strip()
    m = _VERSION.fullmatch(s)
    if not m:
        return value, _ex("version_format", "version")
    return m[1] + m[2], None


_TICKET = re.compile(r"[A-Za-z0-9#][A-Za-z0-9\-_#/]{0,63}")


def _ticket(value: str) -> tuple[str, FieldProblem | None]:
    s = unicodedata.normalize("NFKC", value)
    refs = [r for r in re.split(r"[,;、\s]+", s) if r]
    if not refs or len(refs) > 10 or not all(_TICKET.fullmatch(r) for r in refs):
        return value, _ex("ticket_format", "ticket")
    return ", ".join(refs), None


_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]+)|\d{1,3}(?:\.\d{1,3}){3}")


def _url(value: str) -> tuple[str, FieldProblem | None]:
    """A link kept verbatim as evidence (look-alike characters included); only its shape is checked."""
    s = value.strip()
    bad = any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in s)
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*)://", s)
    if bad or len(s) > 2000 or (scheme and scheme[1].lower() not in ("http", "https")):
        return value, _ex("url_format", "url")
    if not scheme and re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:(?!\d)", s):  # javascript:, data:, mailto: …
        return value, _ex("url_format", "url")
    try:
        host = urlsplit(s if scheme else "http://" + s).hostname or ""
    except ValueError:
        return value, _ex("url_format", "url")
    if not _HOST.fullmatch(host):
        return value, _ex("url_format", "url")
    return s, None


def _exchange_uid(value: str) -> tuple[str, FieldProblem | None]:
    s = unicodedata.normalize("NFKC", value).strip()
    if not re.fullmatch(r"[A-Za-z0-9]{4,40}", s):
        return value, _problem("exchange_uid_format", min=4, max=40, example=EXAMPLES["exchange_uid"])
    return s, None


_VALIDATORS = {  # address and tx_hash go to assistant.validation.chains; select membership is checked in validate_values
    "text": _text, "multiline": _multiline, "select": lambda v: (v, None), "amount": _amount, "datetime": _datetime,
    "email": _email, "version": _version, "ticket": _ticket, "url": _url, "exchange_uid": _exchange_uid,
}


def validate(kind: str, value: str, chain: str | None = None) -> tuple[str, FieldProblem | None]:
    """Return the normalised value and a problem (None when valid). `value` is never empty here."""
    if kind == "address":
        return _from_issue(*_chains.check_address(chain, value))
    if kind == "tx_hash":
        return _from_issue(*_chains.check_tx_hash(chain, value))
    try:
        check = _VALIDATORS[kind]
    except KeyError:
        raise ValueError(f"unknown field kind {kind!r}; known kinds: {', '.join(sorted(FIELD_KINDS))}") from None
    return check(value)


# ---- secrets ---------------------------------------------------------------------------------------------------
def check_value(kind: str, value: str, chain: str | None = None,
                addresses: Iterable[str] = ()) -> tuple[str, FieldProblem | None]:
    """`validate` plus the secret check: what a form applies to one non-empty value, and the UI as you type.
    `addresses` are the user's own addresses so far: a value that is the private key of one is blocked."""
    value_out, problem = validate(kind, value, chain)
    return value_out, _secret_problem(kind, value, addresses) or problem  # a secret outranks any format problem


def _secret_problem(kind: str, value: str, addresses: Iterable[str] = ()) -> FieldProblem | None:
    """`secret_detected` when the secret scanner blocks the value."""
    scan = importlib.import_module("assistant.secrets.scan")  # on first use: the wordlists are not a start-up cost
    context = "tx_hash" if kind == "tx_hash" else "free_text"
    findings = scan.find_secrets(value, context=context, addresses=tuple(addresses)) if addresses else \
        scan.find_secrets(value, context=context)
    return _problem("secret_detected") if scan.has_blocking(findings) else None


def split_secret_fields(earlier: Iterable[str], fields: Iterable, values: Mapping[str, str]) -> dict[str, FieldProblem]:
    """Fields of this form holding part of a secret that goes on in another entry (six words here, six in an
    earlier field): the user's inputs are read joined in order, as support would read them."""
    names = [f.name for f in fields if f.kind != "select" and values.get(f.name)]
    before = [v for v in earlier if v]
    if not names or len(before) + len(names) < 2:
        return {}
    request = importlib.import_module("assistant.secrets.request")
    problems: dict[str, FieldProblem] = {}
    for found in request.blocking(request.spanning([*before, *(values[n] for n in names)])):
        for i in found.indexes:
            if i >= len(before):
                problems[names[i - len(before)]] = _problem("secret_detected")
    return problems


def validate_values(
    fields: Iterable, values: Mapping[str, str], chains: Mapping[str, str | None], addresses: Iterable[str] = ()
) -> tuple[dict[str, str], dict[str, FieldProblem]]:
    clean: dict[str, str] = {}
    errors: dict[str, FieldProblem] = {}
    for f in fields:
        raw = values.get(f.name, "")
        if not isinstance(raw, str):
            errors[f.name] = _problem("not_text")
            continue
        raw = raw.strip()
        if not raw:
            if f.required:
                errors[f.name] = _problem("required")
            continue
        direction = sorted({c for c in raw if c in _DIRECTION_CONTROLS})
        if direction:  # what the reader sees must be what is sent: "\u202egpj.exe" reads "exe.jpg"
            errors[f.name] = _problem("text_direction_chars", shown=", ".join(f"U+{ord(c):04X}" for c in direction))
            continue
        if f.kind == "select" and raw not in f.options:
            errors[f.name] = _problem("select_unknown", options=", ".join(f.options))
            continue
        value, problem = check_value(f.kind, raw, chains.get(f.name), addresses)
        if problem:
            errors[f.name] = problem
        else:
            clean[f.name] = value
    return clean, errors
