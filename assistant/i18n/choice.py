"""Which language to start in: the --locale option, the saved choice, the system language. No Qt here,
so the start-up checks that run before the QApplication exists can speak the person's language too."""
from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from assistant.content.catalog import Catalog

log = logging.getLogger(__name__)


def pick_locale(catalog: Catalog, requested: str | None, saved: str | None, system: str) -> str:
    """--locale, else the last choice, else the system language (zh* → zh-CN), else en, else the source."""
    if requested:
        if requested in catalog.locales:
            return requested
        log.warning("unknown --locale %r; known: %s", requested, ", ".join(catalog.locales))
    if saved and saved in catalog.locales:
        return saved
    system = system.replace("_", "-")
    language = system.split("-")[0].lower()
    if system in catalog.locales:
        return system
    if language == "zh" and "zh-CN" in catalog.locales:
        return "zh-CN"
    same_language = [code for code in catalog.locales if code.split("-")[0].lower() == language]
    if same_language:
        return same_language[0]
    return "en" if "en" in catalog.locales else catalog.source_locale


def environment_locale(environ: Mapping[str, str] | None = None) -> str:
    """The POSIX message language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) as e.g. "zh_TW"; "" when unset or C."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "").split(":")[0].split(".")[0].split("@")[0].strip()
        if value and value not in ("C", "POSIX"):
            return value
    return ""
