"""The glossary (content/glossary.toml, developer-owned): names that stay as they are in every language.

`keep` lists words a text may consist of and still count as translated (brands, networks, tickers).
Each `[terms.<id>]` is a brand, product, network or token name: its `forms` are the accepted ways to
write it (in any language), `never` the translations people reach for and must not use
(TokenPocket → トークンポケット). `check` reports a `never` form (E045) and a term the source has but the
translation lacks (W040); `l10n status` uses `keep` to tell a translated text from an untranslated copy.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.content.catalog import Catalog
from assistant.i18n.tokens import JINJA, PLACEHOLDER

GLOSSARY_FILE = "glossary.toml"
# A text made only of these (plus the wallet profile names) may stay as it is in every language.
DEFAULT_KEEP = ("TokenPocket", "TP Wallet", "TP", "WhatsApp", "Telegram", "Ethereum", "Bitcoin", "TRON",
                "Solana", "BNB", "BSC", "ETH", "BTC", "USDT", "TRX", "SOL", "RBF", "nonce", "Polygon",
                "Arbitrum", "Base", "Optimism", "MetaMask", "Binance", "OKX", "Coinbase", "DApp", "ID", "URL")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    forms: tuple[str, ...]
    never: tuple[str, ...] = ()
    line: int = 1


@dataclass(frozen=True, slots=True)
class Glossary:
    path: Path
    keep: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    problems: tuple[str, ...] = field(default=())  # why the file could not be read, if so


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def load_glossary(content_dir: Path) -> Glossary:
    path = content_dir / GLOSSARY_FILE
    return _load(path, _mtime(path))


@lru_cache(maxsize=8)
def _load(path: Path, _stamp: float) -> Glossary:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        return Glossary(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Glossary(path, problems=(f"TOML syntax error: {exc}",))
    lines = text.splitlines()
    terms = []
    for tid, raw in data.get("terms", {}).items():
        if not isinstance(raw, dict):
            continue
        forms = tuple(f for f in raw.get("forms", ()) if isinstance(f, str) and f)
        never = tuple(f for f in raw.get("never", ()) if isinstance(f, str) and f)
        line = next((n for n, ln in enumerate(lines, start=1) if ln.strip() in (f"[terms.{tid}]", f'[terms."{tid}"]')), 1)
        if forms:
            terms.append(Term(tid, forms, never, line))
    keep = tuple(w for w in data.get("keep", ()) if isinstance(w, str) and w)
    return Glossary(path, keep, tuple(terms))


def keep_words(catalog: Catalog) -> tuple[str, ...]:
    glossary = load_glossary(catalog.content_dir)
    src = catalog.sources.get(catalog.content_dir / "locales.toml")
    legacy = src.data.get("glossary", {}).get("keep", []) if src else []
    names = [n for p in catalog.profiles.values() for n in (p.name, *p.aliases)]
    forms = [f for t in glossary.terms for f in t.forms]
    words = {w for w in (*DEFAULT_KEEP, *glossary.keep, *legacy, *forms, *names) if isinstance(w, str) and w}
    return tuple(sorted(words, key=len, reverse=True))


def looks_untranslated(value: str, source: str, keep: tuple[str, ...]) -> bool:
    """Identical to the source and more than a brand name, a number or a very short word."""
    if value.strip() != source.strip():
        return False
    rest = PLACEHOLDER.sub(" ", JINJA.sub(" ", value))
    for word in keep:
        rest = rest.replace(word, " ")
    return len(_LETTER.findall(rest)) > 3


def _contains(text: str, form: str) -> int:
    """Offset of `form` in `text` as a whole word (Latin forms), or -1."""
    if re.fullmatch(r"[\x20-\x7e]+", form):
        m = re.search(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", text)
        return m.start() if m else -1
    return text.find(form)


def term_problems(glossary: Glossary, source: str, translation: str) -> list[tuple[str, int | None, str, str]]:
    """(code, offset or None, term as written, message) for glossary names translated or lost."""
    out: list[tuple[str, int | None, str, str]] = []
    for term in glossary.terms:
        for wrong in term.never:
            at = _contains(translation, wrong)
            if at >= 0 and _contains(source, wrong) < 0:
                out.append(("E045", at, wrong, f"{wrong!r} translates the name {term.forms[0]!r}, which stays as it is in "
                                               f"every language (glossary: {', '.join(term.forms)}); write {term.forms[0]!r}"))
        # Lost: the source writes the name itself (TokenPocket, USDT), not a Chinese rendering a translation may paraphrase.
        latin = [f for f in term.forms if f.isascii()]
        if any(_contains(source, f) >= 0 for f in latin) and not any(_contains(translation, f) >= 0 for f in term.forms):
            if not any(_contains(translation, w) >= 0 for w in term.never):
                out.append(("W040", None, term.forms[0],
                            f"the source names {term.forms[0]!r} but this translation does not (glossary: "
                            f"{', '.join(term.forms)}); keep the name as it is"))
    return out
