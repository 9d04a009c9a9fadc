"""Load content/ into a Catalog: flows (structure), texts per locale with fallback chains, contacts.

A broken file never stops loading: its problem is recorded and the rest stays usable — a broken flow is
disabled with the reason, a broken translation falls back along the locale chain.
"""
from __future__ import annotations

import logging
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from assistant.content.webmail import Webmail
from assistant.errors import ContentError

if TYPE_CHECKING:
    # Parsing modules, and the flow model, load only when content is parsed or a flow is opened: a cached
    # start-up unpickles neither (assistant.content.cache).
    from assistant.content.variants import Variant
    from assistant.flows.model import Flow
    from assistant.problems import Problem, Severity
    from assistant.toml_positions import TomlSource

log = logging.getLogger(__name__)
LOCK_KEY = "lock"


class LocaleInfo(NamedTuple):
    code: str
    name: str
    fallback: tuple[str, ...] = ()
    fonts: tuple[str, ...] = ()
    pseudo: bool = False  # synthesised by assistant.i18n.pseudo for layout testing; never checked or shipped


class TextEntry(NamedTuple):
    value: str | tuple[str, ...]
    path: Path
    line: int
    unit: str  # "<file stem>.<table path>" — the translation unit the lock applies to


class ProfileChannel(NamedTuple):
    id: str  # its wording is email_labels.channels.<id>
    target: str = ""  # the address or link the official site publishes; "" for a place in the app


class Profile(NamedTuple):
    id: str
    name: str
    support_email: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    channels: tuple[ProfileChannel, ...] = ()  # official channels, in the order to escalate through them


@dataclass
class Catalog:
    content_dir: Path
    source_locale: str
    locales: dict[str, LocaleInfo]
    flows: MutableMapping[str, Flow]  # a lazy mapping when loaded from the start-up cache
    disabled_flows: dict[str, str]
    texts: MutableMapping[str, dict[str, TextEntry]]  # a lazy mapping when loaded from the start-up cache
    locks: dict[str, dict[str, str]]  # locale → unit → source hash it was translated from
    unit_hashes: dict[str, str]  # unit → hash of the current source text
    critical_units: frozenset[str]
    profiles: dict[str, Profile]
    default_profile: str
    link_domains: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    sources: dict[Path, TomlSource] = field(default_factory=dict)
    # "<flow>.nodes.<id>" → "<part>.nodes.<id>" for nodes a flow includes from a shared part: their text is
    # written once, in locales/<locale>/<part>.toml; a flow's own file may still word one of them its own way.
    shared_nodes: dict[str, str] = field(default_factory=dict)
    fallbacks_logged: set[tuple[str, str]] = field(default_factory=set, repr=False, compare=False)
    webmail: Webmail = field(default_factory=Webmail)  # the send step's webmail services (content/webmail.toml)
    # locale → "<flow or part>.nodes.<id>" → its body variants, in file order (assistant.content.variants)
    variants: MutableMapping[str, dict[str, tuple[Variant, ...]]] = field(default_factory=dict)

    def chain(self, locale: str) -> list[str]:
        """The locale, its explicit fallbacks, then the source locale; unknown locales use the source."""
        order: list[str] = []
        for code in (locale, *self._fallbacks(locale), self.source_locale):
            if code in self.texts and code not in order:
                order.append(code)
        return order

    def _fallbacks(self, locale: str) -> tuple[str, ...]:
        info = self.locales.get(locale)
        return info.fallback if info else ()

    def is_outdated(self, locale: str, unit: str) -> bool:
        if locale == self.source_locale:
            return False
        lock = self.locks.get(locale, {}).get(unit)
        current = self.unit_hashes.get(unit)
        return lock is not None and current is not None and lock != current

    def shared_key(self, key: str) -> str | None:
        """The key in a shared part's file that stands for `key` of a flow (None if the node is the flow's own)."""
        head = key.split(".", 3)
        if len(head) < 3 or head[1] != "nodes":
            return None
        prefix = ".".join(head[:3])
        target = self.shared_nodes.get(prefix)
        return None if target is None else target + key[len(prefix):]

    def entry(self, locale: str, key: str, *, skip_empty: bool = False) -> TextEntry | None:
        """The text shown for `key`: the first locale of the chain that has it, skipping outdated safety texts
        (those fall back along the locale's own chain, e.g. ja → en → zh-CN, and are logged once) and, with
        `skip_empty`, empty texts (a blank on screen; an empty email label is a deliberate "say nothing")."""
        shared = self.shared_key(key)
        for code in self.chain(locale):
            found = self.texts[code].get(key)
            if found is None and shared is not None:
                found = self.texts[code].get(shared)
            if found is None or (skip_empty and isinstance(found.value, str) and not found.value.strip()):
                continue
            # Safety text translated from an older source could tell people something no longer true.
            if found.unit in self.critical_units and self.is_outdated(code, found.unit):
                if (code, found.unit) not in self.fallbacks_logged:
                    self.fallbacks_logged.add((code, found.unit))
                    log.warning("safety text %s is outdated in %s; showing %s instead", found.unit, code,
                                self.critical_fallback(code, found.unit) or "nothing")
                continue
            return found
        return None

    def critical_fallback(self, locale: str, unit: str) -> str | None:
        """For an outdated safety unit of `locale`: the locale of its chain whose text is shown instead."""
        for code in self.chain(locale)[1:]:
            has = any(e.unit == unit for e in self.texts[code].values())
            if has and not self.is_outdated(code, unit):
                return code
        return None

    def text(self, locale: str, key: str, default: str = "") -> str:
        found = self.entry(locale, key, skip_empty=True)
        if found is None or not isinstance(found.value, str):
            return default
        return found.value

    def words(self, locale: str, key: str) -> tuple[str, ...]:
        found = self.entry(locale, key)
        if found is None:
            return ()
        return (found.value,) if isinstance(found.value, str) else found.value

    def variants_of(self, base: str) -> tuple[Variant, ...]:
        """The body variants of node text `base` ("<flow>.nodes.<id>"), as the source language defines them:
        the flow's own when it words the node itself, else the shared part's."""
        source = self.variants.get(self.source_locale, {})
        if f"{base}.body" in self.texts.get(self.source_locale, {}) or base in source:
            return source.get(base, ())
        shared = self.shared_key(base)
        return source.get(shared, ()) if shared else ()

    @property
    def profile(self) -> Profile:
        return self.profiles[self.default_profile]


def unit_hash(table: dict) -> str:
    """Short, stable hash of a unit's text (its lock key excluded)."""
    clean = {k: v for k, v in table.items() if k != LOCK_KEY}
    import hashlib  # only parsing hashes units; a cached start-up loads neither OpenSSL nor json
    import json

    blob = json.dumps(clean, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:8]


def _problem(err: ContentError, severity: Severity | None = None) -> Problem:
    from assistant.problems import Problem, Severity

    return Problem(err.path, err.line, err.col, severity or Severity.ERROR, err.code, err.message)


def _content_files(folder: Path, *, parts: bool = True) -> list[Path]:
    """TOML files of a folder, without hidden ones (machine-written snapshots, editors' lock and temp files);
    `parts=False` also leaves out shared parts (`_<part>.toml`), which flows include rather than being flows."""
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith(".") and (parts or not p.name.startswith("_")))


def load_catalog(content_dir: Path, *, use_cache: bool = False) -> Catalog:
    """Load everything under content_dir (the pseudo-locale is added by assistant.i18n.pseudo, not here).

    `use_cache` (the app's start-up) reuses the parsed content while no file under content_dir changed.
    """
    if use_cache:
        from assistant.content.cache import cached

        return cached(content_dir, _load)
    return _load(content_dir)


def _load(content_dir: Path) -> Catalog:
    from assistant.content.variants import read_variants
    from assistant.content.webmail import load_webmail
    from assistant.flows.parse import graph_problems, parse_flow
    from assistant.problems import Problem, Severity
    from assistant.toml_positions import read_toml
    from assistant.validation.kinds import FIELD_KINDS

    problems: list[Problem] = []
    sources: dict[Path, TomlSource] = {}

    def read(path: Path) -> TomlSource | None:
        try:
            src = read_toml(path)
        except ContentError as err:
            problems.append(_problem(err))
            log.warning("%s", err)
            return None
        sources[path] = src
        problems.extend(_problem(w, Severity.WARNING) for w in src.warnings)
        return src

    locales, source_locale, critical = _load_locales(content_dir / "locales.toml", read, problems)
    profiles, default_profile, link_domains = _load_contacts(content_dir / "contacts.toml", read, problems)
    webmail = load_webmail(content_dir / "webmail.toml", read, problems, locales)

    flows: dict[str, Flow] = {}
    disabled: dict[str, str] = {}
    parts: dict[str, TomlSource | None] = {}

    def read_part(name: str) -> TomlSource | None:
        if name not in parts:  # read once, however many flows include it, so its own errors are reported once
            path = content_dir / "flows" / f"{name}.toml"
            parts[name] = read(path) if path.is_file() else None
        return parts[name]

    for path in _content_files(content_dir / "flows", parts=False):
        src = read(path)
        if src is None:
            disabled[path.stem] = problems[-1].render()
            continue
        try:
            flow = parse_flow(src, FIELD_KINDS, read_part)
        except ContentError as err:
            problems.append(_problem(err))
            disabled[path.stem] = str(err)
            continue
        graph = graph_problems(flow, src, {k: v for k, v in parts.items() if v is not None})
        problems.extend(_problem(e) for e in graph)
        if graph:
            disabled[flow.id] = str(graph[0])
        else:
            flows[flow.id] = flow
        critical |= {flow.text_base(n) for n in flow.nodes.values() if n.critical}
    problems = list(dict.fromkeys(problems))  # a shared part's problem, found through every flow, is one problem
    shared = {f"{flow.id}.nodes.{n.id}": flow.text_base(n) for flow in flows.values() for n in flow.nodes.values() if n.origin}
    flows = dict(sorted(flows.items(), key=lambda kv: (kv[1].order, kv[0])))

    texts: dict[str, dict[str, TextEntry]] = {}
    variants: dict[str, dict[str, tuple[Variant, ...]]] = {}
    locks: dict[str, dict[str, str]] = {}
    unit_hashes: dict[str, str] = {}
    for code in locales:
        folder = content_dir / "locales" / code
        texts[code], locks[code], variants[code] = {}, {}, {}
        if not folder.is_dir():
            problems.append(Problem(content_dir / "locales.toml", 1, 1, Severity.ERROR, "E020",
                                    f"locale {code!r} is enabled but {folder.name}/ does not exist; create content/locales/{code}/"))
            continue
        for path in _content_files(folder):
            src = read(path)
            if src is None:
                continue
            hashes = _flatten_texts(src, texts[code], locks[code])
            found = read_variants(src.data, path, src.line_of)
            variants[code].update({".".join((path.stem, *at)): v for at, v in found.items()})
            if code == source_locale:
                unit_hashes.update(hashes)
    return Catalog(content_dir, source_locale, locales, flows, disabled, texts, locks, unit_hashes,
                   frozenset(critical), profiles, default_profile, link_domains, problems, sources, shared,
                   webmail=webmail, variants=variants)


def units(data: dict) -> dict[tuple[str, ...], dict]:
    found: dict[tuple[str, ...], dict] = {}
    for key, value in data.items():
        if not isinstance(value, dict):
            continue
        if key == "nodes":
            found.update({("nodes", nid): table for nid, table in value.items() if isinstance(table, dict)})
        else:
            found[(key,)] = value
    return found


def _flatten_texts(src: TomlSource, out: dict[str, TextEntry], locks: dict[str, str]) -> dict[str, str]:
    """Store every string of the file under a dotted key; return unit → hash for the file's units.

    Keys start with the file stem; `ui_<part>.toml` files add to the shared `ui.` namespace so each
    part of the interface can keep its own file.
    """
    from assistant.content.variants import is_condition_key
    from assistant.toml_positions import unit_of  # loading only: the start-up cache skips it

    stem = src.path.stem
    prefix = "ui" if stem.startswith("ui_") else stem

    def walk(table: dict, path: tuple[str, ...]) -> None:
        for key, value in table.items():
            here = (*path, key)
            unit = ".".join((stem, *unit_of(here)))
            if is_condition_key(here):
                continue  # a variant's condition is structure (Catalog.variants), not text to translate
            if isinstance(value, dict):
                walk(value, here)
            elif key == LOCK_KEY and len(here) == len(unit_of(here)) + 1 and isinstance(value, str):
                locks[unit] = value
            elif isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                stored = value if isinstance(value, str) else tuple(value)
                out[".".join((prefix, *here))] = TextEntry(stored, src.path, src.line_of(*here), unit)

    walk(src.data, ())
    return {".".join((stem, *path)): unit_hash(table) for path, table in units(src.data).items()}


def _load_locales(path: Path, read, problems: list[Problem]) -> tuple[dict[str, LocaleInfo], str, set[str]]:
    src = read(path)
    fallback = {"zh-CN": LocaleInfo("zh-CN", "简体中文")}
    if src is None:
        return fallback, "zh-CN", set()
    source = src.data.get("source", "zh-CN")
    locales: dict[str, LocaleInfo] = {}
    for code, raw in src.data.get("locales", {}).items():
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            problems.append(_problem(src.error("E010", f"locale {code!r} needs `name = \"…\"`", "locales", code)))
            continue
        locales[code] = LocaleInfo(code, raw["name"], tuple(raw.get("fallback", ())), tuple(raw.get("fonts", ())))
    if source not in locales:
        problems.append(_problem(src.error("E010", f"source locale {source!r} is not listed under [locales]", "source")))
        locales[source] = LocaleInfo(source, source)
    critical = set(src.data.get("critical", {}).get("units", []))
    return locales, source, critical


def _load_contacts(path: Path, read, problems: list[Problem]) -> tuple[dict[str, Profile], str, tuple[str, ...]]:
    src = read(path)
    if src is None:
        return {}, "", ()
    profiles: dict[str, Profile] = {}
    for pid, raw in src.data.get("profiles", {}).items():
        try:
            channels = tuple(ProfileChannel(str(c["id"]), str(c.get("target", ""))) for c in raw.get("channels", ()))
            profiles[pid] = Profile(pid, raw["name"], raw["support_email"], tuple(raw["domains"]),
                                    tuple(raw.get("aliases", ())), channels)
        except (KeyError, TypeError, AttributeError):
            problems.append(_problem(src.error("E010", f"profile {pid!r} needs name, support_email and domains", "profiles", pid)))
    default = src.data.get("default_profile", next(iter(profiles), ""))
    if default not in profiles:
        problems.append(_problem(src.error("E010", f"default_profile {default!r} is not a [profiles.<id>] table", "default_profile")))
    links = tuple(src.data.get("links", {}).get("allowed_domains", ()))
    domains = tuple(d for p in profiles.values() for d in p.domains)
    return profiles, default, tuple(dict.fromkeys(domains + links))


def required_keys(flow: Flow) -> list[tuple[str, str | None]]:
    """(text key, node id or None) every locale must hold for this flow; a node included from a shared part
    has its keys in that part's file (`<part>.nodes.<id>…`)."""
    from assistant.flows.model import NodeKind

    keys: list[tuple[str, str | None]] = [(f"{flow.id}.flow.title", None), (f"{flow.id}.flow.summary", None)]
    for node in flow.nodes.values():
        base = flow.text_base(node)
        keys.append((f"{base}.title", node.id))
        if node.kind in (NodeKind.STEP, NodeKind.OUTCOME):
            keys.append((f"{base}.body", node.id))
        if node.kind is NodeKind.QUESTION:
            keys.extend((f"{base}.choices.{c.id}", node.id) for c in node.choices)
        for f in node.fields:
            keys.append((f"{base}.fields.{f.name}.label", node.id))
            keys.append((f"{base}.fields.{f.name}.hint", node.id))
            keys.extend((f"{base}.fields.{f.name}.options.{o}", node.id) for o in f.options)
    return keys
