"""Load the catalog for people: the content as written, plus the pseudo-locale when it is asked for.

The pseudo-locale is a translation concern, so it is added here rather than by the content loader
(content/ stays below i18n/ in the import layers).
"""
from __future__ import annotations

import os
from pathlib import Path

from assistant.content.catalog import Catalog
from assistant.content.catalog import load_catalog as load_content

ENV_VAR = "WSA_PSEUDO_LOCALE"


def pseudo_wanted() -> bool:
    return os.environ.get(ENV_VAR, "").strip().lower() in ("1", "true", "yes", "on", "en-xa")


def load_catalog(content_dir: Path, *, pseudo: bool | None = None, use_cache: bool = False) -> Catalog:
    """The catalog; `pseudo` adds en-XA (None: when WSA_PSEUDO_LOCALE is set)."""
    catalog = load_content(content_dir, use_cache=use_cache)
    if pseudo or (pseudo is None and pseudo_wanted()):
        from assistant.i18n.pseudo import add_pseudo_locale  # its patterns are not a start-up cost

        add_pseudo_locale(catalog)
    return catalog
