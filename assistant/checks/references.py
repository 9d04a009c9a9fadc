"""E024: content that still refers to a flow whose file is gone.

Deleting (or renaming) `content/flows/<id>.toml` removes the flow from the app without a word: nothing fails to
load. But its texts in every locale, and any link or mention of it elsewhere, are then dead weight or dead ends,
so `check` names each place that still refers to it, with file and line.
"""
from __future__ import annotations

import re
from pathlib import Path

from assistant.content.catalog import Catalog
from assistant.problems import Problem, Severity

_FLOW_PARTS = ("flow.", "nodes.")
NOT_FLOW_FILES = frozenset({"ui", "email", "guides"})  # shared text files (ui_*.toml add to "ui")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")  # Markdown link targets
_FLOW_REF = re.compile(r"\bflows?[:/=#]\s*([A-Za-z0-9_-]+)")  # flow:<id>, flows/<id>, #flow=<id>


def check_flow_references(catalog: Catalog, locales: list[str]) -> list[Problem]:
    known = set(catalog.flows) | set(catalog.disabled_flows)
    known |= {part for flow in catalog.flows.values() for part in flow.parts}  # shared parts flows include
    problems: list[Problem] = []
    missing: set[str] = set()
    for locale in locales:
        first: dict[tuple[str, str], tuple[int, Path]] = {}
        for key, entry in catalog.texts.get(locale, {}).items():
            stem, _dot, rest = key.partition(".")
            if rest.startswith(_FLOW_PARTS) and stem not in known and stem not in NOT_FLOW_FILES:
                spot = (stem, str(entry.path))
                if spot not in first or entry.line < first[spot][0]:
                    first[spot] = (entry.line, entry.path)
        for (stem, _name), (line, path) in sorted(first.items()):
            missing.add(stem)
            problems.append(Problem(path, line, 1, Severity.ERROR, "E024",
                                    f"texts for flow {stem!r} remain, but content/flows/{stem}.toml does not exist, so the "
                                    "flow is silently missing from the app; restore the flow file, or delete this file "
                                    "(in every language) if the flow was removed on purpose"))
    for locale in locales:
        for key, entry in catalog.texts.get(locale, {}).items():
            if not isinstance(entry.value, str) or ("](" not in entry.value and "flow" not in entry.value):
                continue
            own = key.partition(".")[0]
            targets = {m.group(1) for m in _FLOW_REF.finditer(entry.value)}  # explicit: any unknown id
            for link in _LINK.findall(entry.value):  # other links: ids of flows known to be gone
                targets |= set(re.split(r"[^A-Za-z0-9_-]+", link)) & missing
            for target in sorted(t for t in targets if t != own and t not in known):
                problems.append(Problem(entry.path, entry.line, 1, Severity.ERROR, "E024",
                                        f"{key.split('.', 1)[1]!r} links to flow {target!r}, but content/flows/{target}.toml "
                                        "does not exist; point the link at an existing flow or remove it"))
    return problems
