"""Starting a new language: copy the source files without locks, enable the locale with its fonts and fallback."""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from assistant.content.catalog import LOCK_KEY, Catalog
from assistant.i18n.snapshots import L10nError
from assistant.storage.atomic import write_text_atomic
from assistant.toml_positions import scan


def _strip_locks(text: str) -> str:
    lines = scan(text)
    drop = {ln.number for ln in lines if ln.key is not None and ln.key[-1] == LOCK_KEY}
    return "".join(line for n, line in enumerate(text.splitlines(keepends=True), start=1) if n not in drop)


# Without a font of the language's own region, Qt draws kanji and hanja with Chinese glyph shapes.
LANGUAGE_FONTS = {
    "ja": ["Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo"],
    "ko": ["Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"],
    "zh-TW": ["Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC"],
    "zh-HK": ["Noto Sans CJK HK", "Noto Sans CJK TC", "Microsoft JhengHei", "PingFang HK"],
    "zh": ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"],
}


def default_fonts(code: str) -> list[str]:
    """Preferred fonts for a new locale: its region's CJK font first (ja, ko, zh-TW, …); none for other scripts."""
    lang = code.split("-")[0].lower()
    if lang == "zh" and code.split("-")[-1].upper() in ("TW", "HANT", "MO"):
        return list(LANGUAGE_FONTS["zh-TW"])
    if lang == "zh" and code.split("-")[-1].upper() == "HK":
        return list(LANGUAGE_FONTS["zh-HK"])
    return list(LANGUAGE_FONTS.get(lang, []))


def default_fallback(catalog: Catalog, code: str) -> list[str]:
    """Chinese variants fall back to the source; other languages read English before Chinese (ja → en → zh-CN)."""
    if code.split("-")[0].lower() == "zh" or "en" not in catalog.locales:
        return [catalog.source_locale]
    return ["en", catalog.source_locale]


def new_locale(catalog: Catalog, code: str, name: str, fallback: list[str] | None = None, copy_from: str | None = None,
               fonts: list[str] | None = None) -> list[Path]:
    """Scaffold content/locales/<code>/ from a complete locale and enable it in locales.toml, with the fallback
    chain and fonts its language needs unless given."""
    fallback = default_fallback(catalog, code) if fallback is None else fallback
    fonts = default_fonts(code) if fonts is None else fonts
    if not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", code):
        raise L10nError(f"{code!r} is not a language code like ja, ko or pt-BR")
    folder = catalog.content_dir / "locales" / code
    if code in catalog.locales or folder.exists():
        raise L10nError(f"{code} already exists; edit content/locales/{code}/ instead")
    origin = copy_from or catalog.source_locale
    if origin not in catalog.texts:
        raise L10nError(f"cannot copy from {origin!r}: no such locale")
    for fb in fallback:
        if fb not in catalog.locales:
            raise L10nError(f"fallback {fb!r} is not an enabled locale ({', '.join(catalog.locales)})")
    sources = sorted(p for p in (catalog.content_dir / "locales" / origin).glob("*.toml") if not p.name.startswith("."))
    note = (f"# {name} ({code}): NOT TRANSLATED YET — this is the {origin} text copied by `main.py l10n new`.\n"
            "# Translate each value. Keep the keys, {{ … }} template code, {placeholders}, links, numbers, addresses,\n"
            f"# emails and brand names as they are. Then: `main.py check --locale {code}` and "
            f"`main.py l10n accept {code} --all`.\n")
    folder.mkdir(parents=True)
    written = []
    for src in sources:
        target = folder / src.name
        write_text_atomic(target, note + _strip_locks(src.read_text(encoding="utf-8")))
        written.append(target)
    add_locale_entry(catalog.content_dir / "locales.toml", code, name, fallback, fonts)
    return written


def add_locale_entry(path: Path, code: str, name: str, fallback: list[str], fonts: list[str] | None = None) -> None:
    """Insert a [locales."<code>"] table after the last existing one, keeping the rest of the file as it is."""
    text = path.read_text(encoding="utf-8")
    lines = scan(text)
    raw = text.splitlines(keepends=True)
    last = max((ln.number for ln in lines if ln.header and ln.header[0] == "locales"), default=0)
    after = next((ln.number for ln in lines if ln.number > last and ln.header and ln.header[0] != "locales"), len(raw) + 1)
    pos = after - 1
    while pos > last and (not raw[pos - 1].strip() or raw[pos - 1].lstrip().startswith("#")):
        pos -= 1
    block = ["\n", f"[locales.{json.dumps(code)}]\n", f"name = {json.dumps(name, ensure_ascii=False)}\n",
             f"fallback = {json.dumps(fallback, ensure_ascii=False)}\n",
             f"fonts = {json.dumps(fonts or [], ensure_ascii=False)}\n"]
    if raw and not raw[pos - 1].endswith("\n"):
        raw[pos - 1] += "\n"
    new = "".join(raw[:pos] + block + raw[pos:])
    try:
        data = tomllib.loads(new)
    except tomllib.TOMLDecodeError as exc:
        raise L10nError(f"{path}: adding {code} would break the file ({exc}); add it by hand") from None
    if data.get("locales", {}).get(code, {}).get("name") != name:
        raise L10nError(f"{path}: could not add {code}; add it by hand")
    write_text_atomic(path, new)

