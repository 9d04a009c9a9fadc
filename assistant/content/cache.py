"""A parsed-content cache for start-up: parsing ~30 TOML files costs more than showing the window.

The cache is keyed by every content file's path, size and modification time plus the loader's own source
files, so any edit (by a translator or an upgrade) makes it miss. A cache that cannot be read is ignored.
Each locale's texts are stored as their own pickle and unpickled on first use: start-up needs only the
chosen locale and its fallbacks, not every translation (most of the cache's size and load time).
"""
from __future__ import annotations

import dataclasses
import logging
import pickle
import sys
import zlib
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from assistant.paths import user_data_dir
from assistant.storage.atomic import write_bytes_atomic

log = logging.getLogger(__name__)
# The loader's own code: any change to how content is parsed must miss the cache.
_LOADER_PACKAGES = ("content", "flows", "validation")
_FORMAT = 3  # bumped when the file's layout changes, so an older file is a miss, not a crash


class LazyLocaleTexts(MutableMapping[str, dict[str, Any]]):
    """locale → its texts; a locale still in pickled form is unpickled the first time it is looked at."""

    def __init__(self, pickled: dict[str, bytes]) -> None:
        self._order = list(pickled)
        self._pickled = dict(pickled)
        self._loaded: dict[str, dict[str, Any]] = {}

    def __getitem__(self, code: str) -> dict[str, Any]:
        if code not in self._loaded:
            blob = self._pickled.pop(code)  # KeyError for an unknown locale, as a dict would raise
            self._loaded[code] = pickle.loads(blob)
        return self._loaded[code]

    def __setitem__(self, code: str, table: dict[str, Any]) -> None:
        self._pickled.pop(code, None)
        if code not in self._order:
            self._order.append(code)
        self._loaded[code] = table

    def __delitem__(self, code: str) -> None:
        if code not in self._order:
            raise KeyError(code)
        self._order.remove(code)
        self._pickled.pop(code, None)
        self._loaded.pop(code, None)

    def __contains__(self, code: object) -> bool:
        return code in self._loaded or code in self._pickled

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)

    def loaded(self) -> list[str]:
        """The locales unpickled so far (start-up should touch only the chosen locale's chain)."""
        return [code for code in self._order if code in self._loaded]

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (dict(self.items()),)  # a copy of a catalog carries every locale, as a plain dict


def signature(content_dir: Path) -> str:
    """Every input of the parse as text (Python's version, then each file's path, size and mtime).

    Compared whole rather than hashed: no collision can serve a stale cache, and start-up need not load
    OpenSSL's hashes (about 3 MB) for a list of a few hundred lines.
    """
    package = Path(__file__).resolve().parent.parent
    code = sorted(package.glob("*.py")) + sorted(p for name in _LOADER_PACKAGES for p in (package / name).rglob("*.py"))
    files = code + sorted(p for p in content_dir.rglob("*") if p.is_file())
    lines = [sys.version]
    for path in files:
        stat = path.stat()
        lines.append(f"{path}|{stat.st_size}|{stat.st_mtime_ns}")
    return "\n".join(lines)


def cache_name(key: str) -> str:
    """The cache file for a signature: one file per content state (older ones are removed when writing)."""
    return f"catalog-{zlib.crc32(key.encode('utf-8', 'surrogateescape')):08x}-{len(key):x}.pickle"


def cached(content_dir: Path, load: Callable[[Path], Any], folder: Path | None = None) -> Any:
    """The loaded catalog, without its parsed source files, from the cache when nothing changed."""
    folder = folder or user_data_dir() / "cache"
    try:
        key = signature(content_dir)
    except OSError:
        return load(content_dir)
    path = folder / cache_name(key)
    try:
        with path.open("rb") as handle:
            stored_format, stored_key, value, texts = pickle.load(handle)
        if stored_format == _FORMAT and stored_key == key:
            return dataclasses.replace(value, texts=LazyLocaleTexts(texts))
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a stale or damaged cache is only a missed shortcut
        log.info("content cache %s unreadable; rebuilding", path.name)
    value = load(content_dir)
    if hasattr(value, "sources"):
        # The app shows content; only `check` needs the parsed files and their positions, so leave them out.
        value = dataclasses.replace(value, sources={})
    _store(folder, path, key, value)
    return value


def _store(folder: Path, path: Path, key: str, value: Any) -> None:
    texts = getattr(value, "texts", None)
    if not isinstance(texts, dict):
        return  # not a catalog as this cache knows it: nothing to split, so nothing stored
    pickled = {code: pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL) for code, table in texts.items()}
    shell = dataclasses.replace(value, texts={})
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("catalog-*.pickle"):
            old.unlink(missing_ok=True)
        data = pickle.dumps((_FORMAT, key, shell, pickled), protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes_atomic(path, data, mode=0o600)
    except OSError as exc:
        log.info("content cache not written: %s", exc)
