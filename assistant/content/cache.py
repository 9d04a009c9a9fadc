"""A parsed-content cache for start-up: parsing ~30 TOML files costs more than showing the window.

The cache is keyed by every content file's path, size and modification time plus the loader's own source
files, so any edit (by a translator or an upgrade) makes it miss. A cache that cannot be read is ignored.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.paths import user_data_dir
from assistant.storage.atomic import write_bytes_atomic

log = logging.getLogger(__name__)
# The loader's own code: any change to how content is parsed must miss the cache.
_LOADER_PACKAGES = ("content", "flows", "validation")


def signature(content_dir: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent.parent
    code = sorted(package.glob("*.py")) + sorted(p for name in _LOADER_PACKAGES for p in (package / name).rglob("*.py"))
    files = code + sorted(p for p in content_dir.rglob("*") if p.is_file())
    for path in files:
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cached(content_dir: Path, load: Callable[[Path], Any], folder: Path | None = None) -> Any:
    """The loaded catalog, without its parsed source files, from the cache when nothing changed."""
    folder = folder or user_data_dir() / "cache"
    try:
        key = signature(content_dir)
    except OSError:
        return load(content_dir)
    path = folder / f"catalog-{key[:16]}.pickle"
    try:
        with path.open("rb") as handle:
            stored_key, value = pickle.load(handle)
        if stored_key == key:
            return value
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a stale or damaged cache is only a missed shortcut
        log.info("content cache %s unreadable; rebuilding", path.name)
    value = load(content_dir)
    if hasattr(value, "sources"):
        # The app shows content; only `check` needs the parsed files and their positions, so leave them out.
        value = dataclasses.replace(value, sources={})
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("catalog-*.pickle"):
            old.unlink(missing_ok=True)
        write_bytes_atomic(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)
    except OSError as exc:
        log.info("content cache not written: %s", exc)
    return value
