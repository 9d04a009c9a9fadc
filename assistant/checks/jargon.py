"""Jargon a text uses without an explanation in its language's `jargon.toml` (see assistant.i18n.jargon).

W057  a body (node, variant or guide) uses a known technical word that this language's jargon.toml does not
      explain, or writes it in a way none of the entry's `forms` matches, so the page cannot explain it
E046  an entry of the source language's jargon.toml without `term`, `forms` or `explain`, or with a form that
      is not text (an empty explanation is E025, a translation's missing entry W020, like any other text)

Which words are jargon: every term the source language's jargon.toml defines, found in another language by the
patterns below (developer-owned: extend them when a flow starts using a new technical word).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.content.catalog import Catalog, TextEntry
from assistant.content.terms import first_uses
from assistant.problems import Problem, Severity

PREFIX = "jargon."
_B = r"(?<![A-Za-z0-9])"
_E = r"(?![A-Za-z0-9])"
# Known jargon in every shipped language, by term id (the table name in jargon.toml).
KNOWN = {
    "txid": rf"{_B}TxID{_E}|交易哈希|交易雜湊|取引ハッシュ|거래 해시|{_B}transaction hash",
    "explorer": r"区块浏览器|區塊鏈?瀏覽器|ブロックエクスプローラー|블록 탐색기|block explorer",
    "confirmations": rf"确认数|確認數|承認数|확인 수|{_B}confirmations{_E}",
    "memo": rf"{_B}memo{_E}",
    "contract_address": r"合约地址|合約地址|コントラクトアドレス|컨트랙트 주소|contract address",
    "nonce": rf"{_B}nonce{_E}",
    "rpc": rf"{_B}RPC{_E}",
    "evm": rf"{_B}EVM{_E}",
    "fee": rf"{_B}gas{_E}|手续费|手續費|手数料|ガス代|가스비|수수료|{_B}network fee",
    "energy": rf"能量|エネルギー|에너지|{_B}energy{_E}",
    "approval": rf"授权|授權|승인|{_B}approv(?:al|e){_E}",
    "recovery_phrase": r"助记词|助記詞|リカバリーフレーズ|복구 문구|recovery phrase",
    "private_key": r"私钥|私鑰|秘密鍵|개인 키|private key",
    "network": r"公链|公鏈",
    "node": rf"节点|節點|ノード|노드|{_B}nodes?{_E}",
    "bridge": rf"跨链桥|跨鏈橋|ブリッジ|브리지|{_B}bridges?{_E}",
}
_KNOWN = {tid: re.compile(p, re.I) for tid, p in KNOWN.items()}


def check_jargon(catalog: Catalog, locales: list[str]) -> list[Problem]:
    problems = list(_incomplete(catalog)) if catalog.source_locale in locales else []
    for locale in locales:
        info = catalog.locales.get(locale)
        if info is None or info.pseudo:
            continue
        problems += _unexplained(catalog, locale)
    return problems


def _entries(catalog: Catalog, locale: str) -> dict[str, dict[str, TextEntry]]:
    found: dict[str, dict[str, TextEntry]] = {}
    for key, entry in catalog.texts.get(locale, {}).items():
        if key.startswith(PREFIX) and key.count(".") == 2:
            _, tid, part = key.split(".")
            found.setdefault(tid, {})[part] = entry
    return found


def _incomplete(catalog: Catalog) -> Iterator[Problem]:
    path = catalog.content_dir / "locales" / catalog.source_locale / "jargon.toml"
    src = catalog.sources.get(path)
    if src is None:
        return
    for tid, table in src.data.items():
        if not isinstance(table, dict):
            continue
        missing = [p for p in ("term", "forms", "explain") if p not in table]
        forms = table.get("forms", [])
        if missing:
            yield Problem(path, src.line_of(tid), 1, Severity.ERROR, "E046",
                          f"[{tid}] lacks {', '.join(f'`{m}`' for m in missing)}; an entry needs term (its name), forms "
                          "(how the texts write it) and explain (one or two plain sentences)")
        elif not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
            yield Problem(path, src.line_of(tid, "forms"), 1, Severity.ERROR, "E046",
                          f"[{tid}] forms must be a list of the ways the texts write it, like [\"交易哈希\", \"TxID\"]")


def _bodies(catalog: Catalog, locale: str) -> Iterator[tuple[str, TextEntry]]:
    for key, entry in catalog.texts.get(locale, {}).items():
        if key.endswith(".body") and isinstance(entry.value, str) and (".nodes." in key or key.startswith("guides.")):
            yield key, entry


def _unexplained(catalog: Catalog, locale: str) -> list[Problem]:
    own = _entries(catalog, locale)
    source_ids = set(_entries(catalog, catalog.source_locale))
    reported: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    for _key, entry in _bodies(catalog, locale):
        text = str(entry.value)
        for tid, pattern in _KNOWN.items():
            if tid not in source_ids:
                continue  # not a term this project explains
            used = pattern.search(text)
            if used is None:
                continue
            spelling = used.group()
            table = own.get(tid)
            forms = tuple(table["forms"].value) if table and "forms" in table and not isinstance(table["forms"].value, str) else ()
            if forms and first_uses(text, [(tid, forms)]):
                continue
            if (tid, spelling.lower()) in reported:
                continue
            reported.add((tid, spelling.lower()))
            file_name = f"content/locales/{locale}/jargon.toml"
            if table is None:
                message = (f"the text uses {spelling!r} but {file_name} does not explain it, so the page shows it "
                           f"unexplained; add [{tid}] with term, forms and explain")
            else:
                message = (f"the text writes {spelling!r}, which none of the forms of [{tid}] in {file_name} matches "
                           f"({', '.join(forms) or 'none'}); add this spelling to its forms")
            problems.append(Problem(entry.path, entry.line, 1, Severity.WARNING, "W057", message, spelling))
    return problems

