"""A parsed-content cache for start-up: parsing ~30 TOML files costs more than showing the window.

The cache is keyed by every content file's path, size and modification time plus the loader's own source
files, so any edit (by a translator or an upgrade) makes it miss. A cache that cannot be read is ignored.
Start-up needs the chosen locale's texts (and its fallbacks) and the list of problems, not every
translation nor every flow's questions: each locale's texts, each flow and each locale's variants are stored
as their own pickle and unpickled the first time they are looked at, and texts are stored as plain rows
that become TextEntry objects only when read. So a start does not even import the flow model.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import pickle
import sys
import threading
import weakref
import zlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from assistant.content.catalog import TextEntry
from assistant.paths import user_data_dir
from assistant.storage.atomic import write_bytes_atomic

log = logging.getLogger(__name__)
# The loader's own code: any change to how content is parsed must miss the cache.
_LOADER_PACKAGES = ("content", "flows", "validation")
_FORMAT = 7  # bumped when the file's layout changes, so an older file is a miss, not a crash
V = TypeVar("V")


class LazyPickles(MutableMapping[str, V]):
    """key → value; a value still in pickled form is unpickled the first time it is looked at."""

    def __init__(self, pickled: Mapping[str, Any], build: Callable[[Any], V] | None = None,
                 fetch: Callable[[Any], bytes] | None = None, recover: Callable[[str], V] | None = None) -> None:
        self._order = list(pickled)
        self._pickled = dict(pickled)  # key → its pickle, or where to fetch it from
        self._loaded: dict[str, V] = {}
        self._build = build  # turns what was unpickled into the value (e.g. rows into a TextTable)
        self._fetch = fetch
        self._recover = recover  # the value parsed afresh, for a part that cannot be read back
        self._lock = threading.RLock()  # a part is read once, whichever thread looks first

    def __getitem__(self, key: str) -> V:
        with self._lock:
            if key not in self._loaded:
                stored = self._pickled[key]  # KeyError for an unknown key, as a dict would raise
                try:
                    value = pickle.loads(self._fetch(stored) if self._fetch else stored)
                    self._loaded[key] = self._build(value) if self._build else value
                except Exception:
                    if self._recover is None:
                        raise
                    log.warning("content cache part %r unreadable; reading the content files instead", key)
                    self._loaded[key] = self._recover(key)
                del self._pickled[key]
            return self._loaded[key]

    def __setitem__(self, key: str, value: V) -> None:
        self._pickled.pop(key, None)
        if key not in self._order:
            self._order.append(key)
        self._loaded[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self._order:
            raise KeyError(key)
        self._order.remove(key)
        self._pickled.pop(key, None)
        self._loaded.pop(key, None)

    def __contains__(self, key: object) -> bool:
        return key in self._loaded or key in self._pickled

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)

    def loaded(self) -> list[str]:
        """The keys unpickled so far (start-up should touch only the chosen locale's chain)."""
        return [key for key in self._order if key in self._loaded]

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (dict(self.items()),)  # a copy of a catalog carries everything, as a plain dict


class TextTable(Mapping[str, TextEntry]):
    """One locale's texts as the cache stores them: rows (value, file number, line, unit), each made into a
    TextEntry when first read. Unpickling a few thousand small tuples is several times faster than as many
    dataclass objects, and a start reads only the few hundred texts it shows."""

    def __init__(self, stored: tuple[tuple[str, ...], dict[str, tuple[Any, int, int, str]]]) -> None:
        self._files, self._rows = stored
        self._paths: dict[int, Path] = {}
        self._entries: dict[str, TextEntry] = {}

    @staticmethod
    def rows(table: Mapping[str, TextEntry]) -> tuple[tuple[str, ...], dict[str, tuple[Any, int, int, str]]]:
        """What the cache stores for `table`: its files' paths, then each key's row."""
        files: dict[str, int] = {}
        rows = {key: (e.value, files.setdefault(str(e.path), len(files)), e.line, e.unit) for key, e in table.items()}
        return tuple(files), rows

    def __getitem__(self, key: str) -> TextEntry:
        entry = self._entries.get(key)
        if entry is None:
            value, file, line, unit = self._rows[key]
            path = self._paths.get(file)
            if path is None:
                path = self._paths[file] = Path(self._files[file])
            entry = self._entries[key] = TextEntry(value, path, line, unit)
        return entry

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (dict(self.items()),)


def signature(content_dir: Path) -> str:
    """Every input of the parse as text (Python's version, then each file's path, size and mtime).

    Compared whole rather than hashed: no collision can serve a stale cache, and start-up need not load
    OpenSSL's hashes (about 3 MB) for a list of a few hundred lines. Listed with os.scandir, several times
    faster than pathlib's glob on every start.
    """
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    # The program itself too: inside the bundle the loader's code is in the executable's archive, with no
    # files to list, and an upgrade may change how content is parsed without changing the content.
    lines = [sys.version, *_stat_line(sys.executable), *_files(package, ".py", recurse=False)]
    for name in _LOADER_PACKAGES:
        lines += _files(os.path.join(package, name), ".py")
    lines += _files(os.fspath(content_dir))
    return "\n".join(lines)


def _stat_line(path: str) -> list[str]:
    try:
        stat = os.stat(path)
    except OSError:
        return []
    return [f"{path}|{stat.st_size}|{stat.st_mtime_ns}"]


def _files(folder: str, suffix: str = "", *, recurse: bool = True) -> list[str]:
    """"path|size|mtime" of each file under `folder` whose name ends with `suffix`, sorted by path. Folders
    reached through a link are listed too (the loader reads through them), each real folder once."""
    found: list[str] = []
    pending, seen = [folder], set()
    while pending:
        current = pending.pop()
        real = os.path.realpath(current)
        if real in seen:
            continue  # a link back up the tree
        seen.add(real)
        try:
            listing = os.scandir(current)
        except (FileNotFoundError, NotADirectoryError):
            continue  # e.g. the loader's code inside a bundle's archive: no folder, and it cannot change
        with listing as entries:
            for entry in entries:
                if entry.is_dir():
                    if recurse:
                        pending.append(entry.path)
                elif entry.name.endswith(suffix):
                    try:
                        stat = entry.stat()
                    except FileNotFoundError:
                        continue  # a dangling link, or a file removed while listing
                    found.append(f"{entry.path}|{stat.st_size}|{stat.st_mtime_ns}")
    return sorted(found)


def _crc(text: str) -> str:
    return f"{zlib.crc32(text.encode('utf-8', 'surrogateescape')):08x}"


def cache_prefix(content_dir: Path) -> str:
    """The start of the cache files of one content folder. A source checkout, an installed copy and a bundle
    on the same computer each keep their own file instead of evicting one another's on every start."""
    return f"catalog-{_crc(os.path.abspath(content_dir))}-"


def cache_name(content_dir: Path, key: str) -> str:
    """The cache file for a content folder in a given state (older states of that folder are removed)."""
    return f"{cache_prefix(content_dir)}{_crc(key)}-{len(key):x}.pickle"


class _Fresh:
    """The content parsed from its files, once, for parts of a cache file that turn out damaged only when read."""

    def __init__(self, content_dir: Path, load: Callable[[Path], Any]) -> None:
        self._content_dir, self._load = content_dir, load
        self._value: Any = None

    def part(self, name: str) -> Callable[[str], Any]:
        def recover(key: str) -> Any:
            if self._value is None:
                self._value = self._load(self._content_dir)
            return getattr(self._value, name)[key]
        return recover


def cached(content_dir: Path, load: Callable[[Path], Any], folder: Path | None = None) -> Any:
    """The loaded catalog, without its parsed source files, from the cache when nothing changed."""
    folder = folder or user_data_dir() / "cache"
    try:
        key = signature(content_dir)
    except OSError:
        return load(content_dir)
    path = folder / cache_name(content_dir, key)
    try:
        stored = _read(path, key)
        if stored is not None:
            value, index, fetch = stored
            fresh = _Fresh(content_dir, load)
            return dataclasses.replace(
                value, texts=LazyPickles(index["texts"], TextTable, fetch, fresh.part("texts")),
                flows=LazyPickles(index["flows"], fetch=fetch, recover=fresh.part("flows")),
                variants=LazyPickles(index["variants"], fetch=fetch, recover=fresh.part("variants")))
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a stale or damaged cache is only a missed shortcut
        log.info("content cache %s unreadable; rebuilding", path.name)
    value = load(content_dir)
    if hasattr(value, "sources"):
        # The app shows content; only `check` needs the parsed files and their positions, so leave them out.
        value = dataclasses.replace(value, sources={})
    _store(folder, path, cache_prefix(content_dir), key, value)
    return value


def _store(folder: Path, path: Path, prefix: str, key: str, value: Any) -> None:
    if not all(isinstance(getattr(value, name, None), dict) for name in ("texts", "flows", "variants")):
        return  # not a catalog as this cache knows it: nothing to split, so nothing stored

    def each(table: dict, convert: Callable[[Any], Any] = lambda v: v) -> dict[str, bytes]:
        return {k: pickle.dumps(convert(v), protocol=pickle.HIGHEST_PROTOCOL) for k, v in table.items()}

    parts = {"texts": each(value.texts, TextTable.rows), "flows": each(value.flows), "variants": each(value.variants)}
    shell = dataclasses.replace(value, texts={}, flows={}, variants={})
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{prefix}*.pickle"):
            old.unlink(missing_ok=True)
        write_bytes_atomic(path, _layout(key, shell, parts), mode=0o600)
    except OSError as exc:
        log.info("content cache not written: %s", exc)


# The file: the header's length (8 bytes), the header (format, key, catalog shell, where each part lies), then
# every part's pickle one after the other. A start reads the header, then each part the first time it is looked
# at, from the file it opened: the parts it never opens (other languages, flows not chosen) are never read, and a
# later start that replaces the file (POSIX keeps the opened one readable) cannot mix two versions.
_LENGTH = 8


def _layout(key: str, shell: Any, parts: dict[str, dict[str, bytes]]) -> bytes:
    index: dict[str, dict[str, tuple[int, int]]] = {}
    blobs: list[bytes] = []
    offset = 0
    for name, table in parts.items():
        index[name] = {}
        for part_key, blob in table.items():
            index[name][part_key] = (offset, len(blob))
            blobs.append(blob)
            offset += len(blob)
    header = pickle.dumps((_FORMAT, key, shell, index), protocol=pickle.HIGHEST_PROTOCOL)
    return len(header).to_bytes(_LENGTH, "little") + header + b"".join(blobs)


class _Parts:
    """Reads the parts of one opened cache file on demand (a lock: texts may be first read from a worker)."""

    def __init__(self, handle: BinaryIO, base: int) -> None:
        self._handle, self._base = handle, base
        self._lock = threading.Lock()
        weakref.finalize(self, handle.close)  # closed with the catalog that reads through it

    def fetch(self, where: tuple[int, int]) -> bytes:
        start, size = where
        with self._lock:
            self._handle.seek(self._base + start)
            data = self._handle.read(size)
        if len(data) != size:
            raise ValueError("cache file cut short")
        return data


def _read(path: Path, key: str) -> tuple[Any, dict[str, dict[str, Any]], Callable[[Any], bytes]] | None:
    """(catalog shell, part → key → where its pickle lies, how to read one) of a cache file written for `key`;
    None for another key."""
    handle = path.open("rb")
    try:
        length = int.from_bytes(handle.read(_LENGTH), "little")
        size = os.fstat(handle.fileno()).st_size
        if not 0 < length <= size - _LENGTH:
            raise ValueError("not a cache file of this layout")
        stored_format, stored_key, shell, index = pickle.loads(handle.read(length))
        base = _LENGTH + length
        if stored_format != _FORMAT or stored_key != key:
            handle.close()
            return None
        if any(base + start + part > size for table in index.values() for start, part in table.values()):
            raise ValueError("cache file cut short")
    except BaseException:
        handle.close()
        raise
    parts = _Parts(handle, base)
    if os.name == "nt":
        # Windows cannot delete or replace a file that is open: read every part now and close it, so "Delete my
        # data" and a later start's new cache are not blocked for as long as this window runs.
        index = {name: {k: parts.fetch(where) for k, where in table.items()} for name, table in index.items()}
        handle.close()
        return shell, index, lambda blob: blob
    return shell, index, parts.fetch
