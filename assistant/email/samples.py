"""Sample cases: the one source of made-up, PUBLIC data, used by `draft --sample` and by `check`.

A sample walks a flow like a person would (the calm answers first, self-help steps "not solved") and fills only
the fields shown on that path, with values that fit the case: addresses and hashes in the format of the chosen
network (each role its own address), the asset of that network in the amount, a TxID only where the case has one,
a fee in the network's unit. Every value is derived from a seed (flow, path and role), so samples are repeatable
and no two roles share an address or a hash. None of them belongs to a real key.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone

from assistant.errors import FieldErrors, FlowError
from assistant.flows.engine import Session
from assistant.flows.model import STEP_UNSOLVED, Field, Node, NodeKind, OutcomeKind
from assistant.validation import chains, named_networks

# Real token contracts (USDT; USDC on Base), public and well known, so a sample reads like a real case.
TOKEN_CONTRACTS = {
    "ethereum": "0xdAC17F958D2ee523a2206206994597C13D831ec7",
    "bsc": "0x55d398326f99059fF775485246999027B3197955",
    "polygon": "0xc2132D05D31c914a87C6611C10748AEb04B58e8F",
    "arbitrum": "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9",
    "optimism": "0x94b008aA00579c1307B0EF2c499aD98a8ce58e58",
    "base": "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
    "tron": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    "solana": "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB",
}
ASSETS = {"bitcoin": ("BTC", "0.0153"), "base": ("USDC", "250"), "other": ("USDT", "120.5")}
DEFAULT_ASSET = ("USDT", "120.5")
FEES = {chains.EVM: "3 gwei", chains.BITCOIN: "12 sat/vB", chains.TRON: "13.4 TRX", chains.SOLANA: "0.000005 SOL"}
# Roles that are the person's own address (all the same address in one case).
OWN_ADDRESS = frozenset({"your_address", "from_address", "withdrawal_address", "old_address"})
# Optional fields a sample fills only when the case calls for them (by the answers on the path).
_WHEN = {
    "replacement_tx": lambda a: {"evm_speed_up", "evm_oldest_first", "btc_bump"} & set(a),
    "memo": lambda a: a.get("deposit_checks") == "memo",
    "tx_hash": lambda a: a.get("exchange_status") not in ("processing", "internal", "failed"),
    "dapp_url": lambda a: False,
    "error_text": lambda a: a.get("problem") == "crash",
    "original_app": lambda a: "different_address" in a,
    "earlier_tickets": lambda a: False,
    "new_address": lambda a: a.get("phone_act_now") == "moved" or "restore_import" in a,
    "police_report": lambda a: bool({"leak_act_now", "approval_act_now", "phone_act_now", "wrong_address"} & set(a)),
}
TEXTS = {
    "exchange_name": "Binance", "withdrawal_id": "W2026112000042", "exchange_uid": "35871942",
    "device_os": "Android 14, Pixel 7", "error_text": "App stopped unexpectedly", "original_app": "MetaMask",
    "police_report": "CR-2026-1120-77", "impostor_contact": "@tp_support_helpdesk", "impostor_handle": "@tp_support_helpdesk",
    "impostor_link": "https://tokenpocket-support.example/verify", "impostor_url": "https://tokenpocket-support.example/verify",
    "site_url": "https://claim-airdrop.example/connect", "phishing_url": "https://claim-airdrop.example/connect",
    "nonce": "42", "app_version": "2.3.1", "network_name": "TON", "memo": "104729",
}
OPTIONS = {"install_source": "google_play", "what_changed": "app_update", "wallet_type": "imported_phrase",
           "contact_channel": "telegram", "leak_source": "website"}
# What a person would type in the description, per flow; the language follows the email.
DESCRIPTIONS = {
    "login_failure": {
        "en": "It started after the last update. Restarting the phone did not help.",
        "zh-CN": "上次更新之后开始出现，重启手机也没有用。",
        "zh-TW": "上次更新之後開始出現，重新啟動手機也沒有用。",
    },
    "pending_transaction": {
        "en": "I sent it from TokenPocket myself and have not sent anything else from this address since.",
        "zh-CN": "这笔是我自己在 TokenPocket 里发出的，之后没有从这个地址再发过别的交易。",
        "zh-TW": "這筆是我自己在 TokenPocket 裡發出的，之後沒有從這個地址再發過別的交易。",
    },
    "stuck_withdrawal": {
        "en": "I checked the amount and the time twice; the receiving side still does not show it.",
        "zh-CN": "金额和时间我都核对过两遍，收款方仍然看不到这笔。",
        "zh-TW": "金額和時間我都核對過兩遍，收款方仍然看不到這筆。",
    },
    "wrong_address_report": {
        "en": "The receiving address is not one of mine and I have never used it before.",
        "zh-CN": "收款地址不是我的，我以前也从没用过这个地址。",
        "zh-TW": "收款地址不是我的，我以前也從沒用過這個地址。",
    },
    # the safety gate's reports, in any flow
    "scam_report": {
        "en": "They wrote to me first and sent a link to “verify” my wallet.",
        "zh-CN": "对方先私信我，发来一个“验证钱包”的链接。",
        "zh-TW": "對方先私訊我，傳來一個「驗證錢包」的連結。",
    },
    "leak_report": {
        "en": "The outgoing transfers started a few minutes after I entered the phrase on that site.",
        "zh-CN": "我在那个网站输入助记词几分钟后，资产就开始被转出。",
        "zh-TW": "我在那個網站輸入助記詞幾分鐘後，資產就開始被轉出。",
    },
    "lost_wallet": {
        "en": "I noticed it the next morning and changed nothing since.",
        "zh-CN": "第二天早上发现的，之后没有做过其他操作。",
        "zh-TW": "隔天早上發現的，之後沒有做過其他操作。",
    },
}
SAMPLE_NOW = datetime(2026, 11, 20, 14, 5, tzinfo=timezone(timedelta(hours=8)))


def _digest(tag: str, size: int = 32) -> bytes:
    data = hashlib.sha512(tag.encode()).digest()
    return data[:size]


def address(network: str | None, role: str) -> str:
    """An address of the network's format for one role (the same role, the same address)."""
    fam = chains.family(network)
    raw = _digest(f"address/{role}")
    named = named_networks.sample_address(network, raw) if network else None
    if named:
        return named
    if fam is chains.TRON:
        from embit import base58

        return base58.encode_check(b"\x41" + raw[:20])
    if fam is chains.BITCOIN:
        from embit.bech32 import encode

        return encode("bc", 0, raw[:20])
    if fam is chains.SOLANA:
        from embit import base58

        return base58.encode(raw)
    return chains.to_checksum_address("0x" + raw[:20].hex())


def tx_hash(network: str | None, role: str) -> str:
    fam = chains.family(network)
    if fam is chains.SOLANA:
        from embit import base58

        return base58.encode(_digest(f"tx/{role}", 64))
    digits = _digest(f"tx/{role}").hex()
    return digits if fam in (chains.TRON, chains.BITCOIN) else "0x" + digits


def asset(network: str | None) -> tuple[str, str]:
    """(symbol, amount) that fit the network."""
    return ASSETS.get(network or "", DEFAULT_ASSET)


def _text_locale(locale: str) -> str:
    return locale if locale in ("en", "zh-CN", "zh-TW") else ("zh-CN" if locale.startswith("zh") else "en")


def sample_value(field: Field, session: Session, locale: str = "en", now: datetime | None = None,
                 seed: str = "") -> str:
    """A value for `field` that fits the case so far; "" for an optional field the case does not call for."""
    network = session.answers.get("network")
    network = network if isinstance(network, str) else None
    chain = session.chain(field) or network
    answers = {k: v for k, v in session.answers.items() if isinstance(v, str)}
    if not field.required and field.name in _WHEN and not _WHEN[field.name](answers):
        return ""
    symbol, amount = asset(network)
    if field.kind == "select":
        wanted = OPTIONS.get(field.name)
        return wanted if wanted in field.options else (field.options[0] if field.options else "")
    if field.kind == "address":
        if field.name == "token_contract":
            return TOKEN_CONTRACTS.get(network or "", "") if symbol != "BTC" else ""
        role = "own" if field.name in OWN_ADDRESS else field.name
        if field.name == "withdrawal_address" and answers.get("compare_address") == "different":
            role = "wrong_address"
        return address(chain, f"{role}/{seed}")
    if field.kind == "tx_hash":
        return tx_hash(chain, f"{field.name}/{session.flow.id}/{seed}")
    if field.kind == "amount":
        return f"{amount} {symbol}"
    if field.kind == "datetime":
        when = (now or SAMPLE_NOW).astimezone(SAMPLE_NOW.tzinfo) - timedelta(days=1, minutes=17)
        return f"{when:%Y-%m-%d %H:%M} +08:00"
    if field.kind == "multiline":
        texts = DESCRIPTIONS.get(session.current.id) or DESCRIPTIONS.get(session.flow.id) or DESCRIPTIONS["pending_transaction"]
        return texts[_text_locale(locale)]
    if field.name in ("coin", "token"):
        return symbol
    if field.name == "fee":
        return FEES.get(chains.family(network), "")
    if field.name in TEXTS:
        return TEXTS[field.name]
    return {"version": "2.3.1", "email": "alex.chen@example.com", "ticket": "TP-20261120-0042",
            "url": "https://tokenpocket-support.example/verify", "exchange_uid": "35871942"}.get(field.kind, "Sample")


def _choice_order(session: Session) -> list[str]:
    ids = [c.id for c in session.visible_choices()]
    calm = ("no", "nothing", "none")  # prefer the path without a scam or leak
    return sorted(ids, key=lambda c: (calm.index(c) if c in calm else len(calm), ids.index(c)))


def sample_walk(session: Session, answers: Mapping[str, str] | None = None, values: Mapping[str, str] | None = None,
                targets: tuple[OutcomeKind, ...] = (OutcomeKind.ESCALATE, OutcomeKind.URGENT), limit: int = 5000,
                want: Callable[[Node], bool] | None = None, *, locale: str = "en", now: datetime | None = None,
                required_only: bool = False) -> bool:
    """Depth-first walk to an outcome of one of `targets` (or one `want(node)` accepts), using given answers and
    values first, samples otherwise. Steps are answered "not solved". False when no such outcome is reachable."""
    answers, values = dict(answers or {}), dict(values or {})
    budget = [limit]

    def fill() -> bool:
        shown = session.visible_fields()
        seed = "|".join(f"{e.node_id}={e.answer}" for e in session.path if isinstance(e.answer, str))
        data = {}
        for f in shown:
            if f.name in values:
                data[f.name] = values[f.name]
            elif f.required or not required_only:
                data[f.name] = sample_value(f, session, locale, now, seed)
        data = {k: v for k, v in data.items() if v}
        for _attempt in range(3):
            try:
                session.submit(data)
                return True
            except FieldErrors as exc:
                optional = {f.name for f in shown if not f.required}
                if not set(exc.errors) <= optional:
                    return False
                for name in exc.errors:
                    data.pop(name, None)
        return False

    def dfs() -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return False
        node = session.current
        if node.kind is NodeKind.OUTCOME:
            return want(node) if want is not None else node.outcome in targets
        options: list[str | None]
        if node.kind is NodeKind.FORM:
            options = [None]
        elif node.kind is NodeKind.STEP:
            options = [STEP_UNSOLVED]
        else:
            options = [answers[node.id]] if node.id in answers else list(_choice_order(session))
        for option in options:
            if option is None:
                if not fill():
                    return False
            else:
                try:
                    session.choose(option)
                except FlowError:
                    continue
            if dfs():
                return True
            session.back()
        return False

    return dfs()


# ---- sample data for templates (`check`, the translator's preview) -------------------------------------------
def sample_context(catalog, flow_id: str, *, minimal: bool = False, locale: str | None = None,
                   urgent: bool = False, follow_up: bool = False) -> dict:
    """Template variables of a sample case of `flow_id`, worded in `locale`; `minimal` fills only required
    fields and leaves every optional part empty; `urgent` walks to an urgent outcome."""
    from assistant.email.case import derive_case
    from assistant.email.draft import build_context

    loc = locale or catalog.source_locale
    flow = catalog.flows[flow_id]
    session = Session(flow)
    targets = (OutcomeKind.URGENT,) if urgent else (OutcomeKind.ESCALATE, OutcomeKind.URGENT)
    start = {"safety_contact": "yes", "scam_act_now": "shared"} if urgent else {}
    if not sample_walk(session, start, targets=targets, locale=loc, now=SAMPLE_NOW, required_only=minimal):
        sample_walk(session, targets=(OutcomeKind.ESCALATE, OutcomeKind.URGENT), locale=loc, now=SAMPLE_NOW)
    context = build_context(derive_case(session), catalog, loc, now=SAMPLE_NOW,
                            attachments=() if minimal else ("screenshot.png",))
    context.update(reference="WSA-1A2B3C")  # a fixed reference, so previews of the same template compare equal
    if minimal:
        context.update(facts=[], steps=[], tickets=[], network="", network_named=False, asset="", txid="")
    elif not context["tickets"]:
        context["tickets"] = ["TP-20261101-0007"]
    if follow_up or not minimal:
        context.update(ticket="TP-20261101-0007", first_sent="2026-11-01",
                       changed="" if minimal else "The exchange now shows the withdrawal as completed.",
                       needed="" if minimal else "Confirmation of where the funds are.")
    return context
