"""Advice a wallet-support expert would sign, proved by walking every path of the shipped flows.

- Nothing irreversible (uninstall, clear data, reset, delete or remove a wallet, erase a phone) is asked for before a
  backup is *proven* on that path, in any locale; a sentence that forbids or conditions the step does not count.
- Being contacted by an impostor who got nothing records the impostor and continues to the person's own problem,
  with the same outcomes as without the contact and nothing urgent added.
- The compromise path keeps the evidence (who, which link, which transactions, how much, where it went) and explains
  issuer freezes, police and fraud reports, and telling the receiving exchange quickly.
- "Another network" asks which one; a withdrawal found on another network's explorer leads to switching network.
- Search finds chain error strings and common phrasings.
"""
from __future__ import annotations

import re

import pytest

from assistant.content.search import SearchIndex
from assistant.flows.engine import Session
from assistant.flows.model import NodeKind, OutcomeKind
from assistant.i18n.texts import Texts
from tests.content.test_flows_content import FLOWS, Walk, walk_all

LOCALES = ("zh-CN", "en", "zh-TW")

# Wording of an irreversible step, per locale.
IRREVERSIBLE = {
    "en": re.compile(r"\buninstall|clear (?:app |its )?data|clear storage|reset app|\berase|delete (?:the |a |this )?(?:app|wallet)"
                     r"|remove (?:the |this )?wallet|factory reset", re.I),
    "zh-CN": re.compile(r"卸载|清除数据|清除存储|重置应用|抹掉|删除钱包|删除 App|删除这一个钱包|恢复出厂"),
    "zh-TW": re.compile(r"解除安裝|卸載|清除資料|清除儲存|重置應用|抹掉|刪除錢包|刪除 App|刪除這一個錢包|恢復原廠"),
}
# A sentence with one of these forbids the step, makes it wait for a proof, or explains what it does.
GUARDED = {
    "en": re.compile(r"\bdon't|\bcan't|\bcannot|\bdo not|\bnever|\bnot\b|\buntil\b|\bonly\b|\bbefore\b|\bafter\b|\bonce\b"
                     r"|\bwithout\b|\bkeeps\b|last resort|deletes|erases|is protected", re.I),
    "zh-CN": re.compile(r"不(?:清除|卸载|删除|抹掉)|不要|不是|不会|绝不|别|之前|之后|以后|只有在|才|最后|会删除|会把|保留|不能"),
    "zh-TW": re.compile(r"不(?:清除|卸載|刪除|抹掉)|不要|不是|不會|絕不|別|之前|之後|以後|只有在|才|最後|會刪除|會把|保留|不能"),
}
# Answers that prove every backup on this path (imported elsewhere / "Wallet already exists" and addresses match).
PROOF = {("backup_check", "all"), ("verify_backups", "all_match")}


@pytest.fixture(scope="module")
def walks(catalog) -> dict[str, list[Walk]]:
    return {flow_id: walk_all(catalog.flows[flow_id]) for flow_id in FLOWS}


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?。！？])\s*|\n", text) if s.strip()]


def unguarded_irreversible(catalog, locale: str, flow_id: str, node_id: str) -> list[str]:
    body = catalog.text(locale, f"{flow_id}.nodes.{node_id}.body")
    return [s for s in sentences(body) if IRREVERSIBLE[locale].search(s) and not GUARDED[locale].search(s)]


# ---- 1. irreversible steps come last, after proof ----------------------------------------------------------------
@pytest.mark.parametrize("flow_id", FLOWS)
def test_no_irreversible_step_before_a_backup_is_proven(walks, catalog, flow_id):
    checked: set[tuple[str, bool]] = set()
    for walk in walks[flow_id]:
        proven = False
        answered = dict(walk.answers)
        for node_id in walk.path:
            if (node_id, proven) not in checked:
                checked.add((node_id, proven))
                if not proven:
                    for locale in LOCALES:
                        found = unguarded_irreversible(catalog, locale, flow_id, node_id)
                        assert not found, f"{flow_id}/{node_id} ({locale}) before any proven backup: {found}"
            if (node_id, answered.get(node_id)) in PROOF:
                proven = True
    assert any(node == "crash_reinstall" for node, _ in checked) or flow_id != "login_failure"


def test_the_detector_would_catch_the_old_uninstall_first_advice(catalog):
    old = "1. Uninstall the app and install it again from tokenpocket.pro, tpwallet.io or an official app store."
    assert [s for s in sentences(old) if IRREVERSIBLE["en"].search(s) and not GUARDED["en"].search(s)]
    old_zh = "3. 用手机系统的“查找设备”功能远程锁定或抹掉丢失的手机。"
    assert [s for s in sentences(old_zh) if IRREVERSIBLE["zh-CN"].search(s) and not GUARDED["zh-CN"].search(s)]


def test_reinstall_and_reset_are_reached_only_through_proof_and_the_official_channel_check(walks):
    for walk in walks["login_failure"]:
        answers = dict(walk.answers)
        if "crash_reinstall" in walk.path:
            before = walk.path[:walk.path.index("crash_reinstall")]
            assert answers.get("backup_check") == "all" and "known_issue" in before, walk.path
        if "reset_password" in walk.path:
            assert answers.get("verify_backups") == "all_match", walk.path


def test_a_lost_phone_without_backup_is_locked_never_erased(catalog, walks):
    no_backup = [w for w in walks["lost_wallet"] if dict(w.answers).get("phone_backup") == "none"]
    assert no_backup and {w.path[-1] for w in no_backup} >= {"no_backup_end", "resolved"}
    for locale, lock, never in (("en", "lock", "never erase"), ("zh-CN", "锁定", "绝不远程抹掉"), ("zh-TW", "鎖定", "絕不遠端抹掉")):
        body = catalog.text(locale, "lost_wallet.nodes.no_backup.body")
        assert lock in body.lower() and never in body.lower(), locale
    choices = {c.id for c in catalog.flows["lost_wallet"].node("no_backup").choices}
    assert choices == {"recovered", "locked_waiting", "gone"}  # answers that make sense, not "did it solve it?"


# ---- 2. an impostor who got nothing: record and continue ---------------------------------------------------------
def _outcomes(walks: list[Walk], **wanted: str) -> set[str]:
    return {w.path[-1] for w in walks if all(dict(w.answers).get(k) == v for k, v in wanted.items())}


@pytest.mark.parametrize("flow_id", FLOWS)
def test_an_impostor_who_got_nothing_is_recorded_and_the_original_problem_goes_on(walks, catalog, flow_id):
    flow = catalog.flows[flow_id]
    contacted = [w for w in walks[flow_id] if dict(w.answers).get("scam_act_now") == "nothing"
                 and dict(w.answers).get("safety_phrase") == "no"]
    assert contacted
    clean = _outcomes(walks[flow_id], safety_contact="no", safety_phrase="no")
    assert _outcomes(contacted) == clean  # the same problem, the same outcomes: nothing dropped, nothing added
    for walk in contacted:
        assert walk.path.index("impostor_note") < walk.path.index("safety_phrase")
        outcome = flow.node(walk.path[-1])
        assert outcome.id != "scam_urgent", walk.path  # the scam report is urgent only when something was paid
        values = walk.session.form_values()
        if outcome.outcome is not OutcomeKind.RESOLVED:
            assert values.get("impostor_contact") == "@tp_support_desk88", walk.path
    urgent_without_contact = {o for o in clean if flow.node(o).outcome is OutcomeKind.URGENT}
    assert {o for o in _outcomes(contacted) if flow.node(o).outcome is OutcomeKind.URGENT} == urgent_without_contact


def test_a_withdrawal_case_with_a_fake_agent_who_got_nothing_still_reaches_the_exchange(catalog):
    """A realistic case: a 'Binance agent' DMs on Telegram after a USDT-TRC20 withdrawal; the person gave nothing."""
    session = Session(catalog.flows["stuck_withdrawal"])
    session.choose("yes")
    session.choose("nothing")
    assert session.current.id == "impostor_note"
    session.submit({"contact_channel": "telegram", "impostor_contact": "@Binance_Support_Desk",
                    "impostor_link": "https://binance-refund.example/claim"})
    session.choose("no")  # the phrase was never typed anywhere else
    assert session.current.id == "network"
    for answer in ("tron", "to_wallet", "processing", "unsolved"):
        session.choose(answer)
    assert session.current.id == "exchange_report"
    assert session.form_values()["impostor_contact"] == "@Binance_Support_Desk"


# ---- 3. the compromise path keeps the evidence -------------------------------------------------------------------
@pytest.mark.parametrize("flow_id", FLOWS)
def test_the_compromise_path_records_who_which_link_and_which_transactions(walks, catalog, flow_id):
    flow = catalog.flows[flow_id]
    shared = [w for w in walks[flow_id] if dict(w.answers).get("scam_act_now") in ("shared", "signed")]
    assert shared
    for walk in shared:
        assert walk.path[-1] == "leak_urgent" and flow.node("leak_urgent").outcome is OutcomeKind.URGENT
        report = flow.node("leak_report")
        visible = {f.name for f in walk.session.visible_fields(report)}
        assert {"impostor_contact", "impostor_link", "contact_channel", "theft_tx", "more_theft_tx", "stolen_amount",
                "attacker_address", "receiving_exchange", "phishing_url", "police_report"} <= visible
    full = [w.session.form_values() for w in shared if "theft_tx" in w.session.form_values()]
    assert full and all(v["impostor_contact"] == "@tp_support_desk88" and v["stolen_amount"] for v in full)


@pytest.mark.parametrize(("locale", "words"), [
    ("en", ("Tether", "Circle", "police", "within hours", "ic3.gov", "chainabuse.com", "165", "owner")),
    ("zh-CN", ("Tether", "Circle", "报案", "几小时内", "ic3.gov", "国家反诈中心", "165", "所有者")),
    ("zh-TW", ("Tether", "Circle", "報案", "幾小時內", "ic3.gov", "165.npa.gov.tw", "165", "所有者")),
])
def test_the_theft_outcome_explains_freezes_reports_and_exchanges(catalog, locale, words):
    body = catalog.text(locale, "_safety_gate.nodes.leak_urgent.body")
    for word in words:
        assert word in body, (locale, word)


def test_reporting_sites_are_on_the_developer_owned_link_allow_list(catalog):
    for domain in ("ic3.gov", "actionfraud.police.uk", "cyber.gov.au", "165.npa.gov.tw", "police.gov.hk", "chainabuse.com"):
        assert domain in catalog.link_domains


# ---- 5. name the network -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("flow_id", FLOWS)
def test_another_network_asks_which_one(catalog, flow_id):
    flow = catalog.flows[flow_id]
    for network, expect in (("other", {"ton", "xrp", "xlm", "eos", "atom", "typed"}), ("other_evm", {"avalanche", "typed"})):
        session = Session(flow)
        session.choose("no")
        session.choose("no")
        while session.current.id != "network":  # login_failure and lost_wallet ask about the problem first
            first = {"problem": "zero", "balance_explorer": "funds_there", "what_happened": "phone",
                     "phone_backup": "written", "phone_exposure": "exposed", "phone_act_now": "moved"}[session.current.id]
            session.choose(first)
        session.choose(network)
        assert session.current.id == "which_network"
        shown = {c.id for c in session.visible_choices()}
        assert expect <= shown and ("ton" in shown) == (network == "other")
        session.choose("typed")
        assert session.current.kind is NodeKind.FORM and session.current.id == "network_name"
        session.submit({"network_name": "Sui"})
        assert session.current.id not in ("which_network", "network_name")


def test_a_deposit_on_a_memo_chain_asks_for_the_memo_and_names_the_chain(catalog):
    flow = catalog.flows["stuck_withdrawal"]
    session = Session(flow)
    for answer in ("no", "no", "other", "xrp", "to_exchange", "success", "memo", "unsolved"):
        session.choose(answer)
    assert "memo" in {f.name for f in session.visible_fields()}
    for locale, words in (("en", ("XRP", "TON", "Comment")), ("zh-CN", ("XRP", "TON", "备注"))):
        body = catalog.text(locale, "stuck_withdrawal.nodes.deposit_checks.body")
        assert all(w in body for w in words), locale
        assert "XRP" in catalog.text(locale, "stuck_withdrawal.nodes.exchange_report.fields.memo.hint")


def test_a_txid_found_on_another_explorer_means_switch_network(catalog):
    flow = catalog.flows["stuck_withdrawal"]
    assert [r.to for r in flow.node("txid_not_found").choice("other_network").routes] == ["check_network"]
    words = Texts(catalog, "en")
    assert "BscScan" in words.node_body("stuck_withdrawal", "txid_not_found", {"network": "ethereum"})
    assert "BscScan" not in words.node_body("stuck_withdrawal", "txid_not_found", {"network": "tron"})


def test_bridges_wrong_network_sends_and_usdc_e_are_covered(catalog):
    assert "bridge" in {c.id for c in catalog.flows["stuck_withdrawal"].node("direction").choices}
    assert "wrong_network" in {c.id for c in catalog.flows["lost_wallet"].node("wrong_address").choices}
    for locale in LOCALES:
        assert "7" in catalog.text(locale, "stuck_withdrawal.nodes.bridge_status.body")
        assert "USDC.e" in Texts(catalog, locale).node_body("stuck_withdrawal", "check_network", {"network": "arbitrum"})
        assert "USDC.e" in catalog.text(locale, "login_failure.nodes.display_fix.body")


# ---- 6. numbers where experts give numbers, with their source ---------------------------------------------------
@pytest.mark.parametrize(("locale", "words"), [
    ("en", ("65,000", "130,000", "100 sun", "104", "changes", "Resource")),
    ("zh-CN", ("65,000", "130,000", "100 sun", "104", "会变", "资源")),
])
def test_tron_energy_gives_figures_their_source_and_where_to_read_them(catalog, locale, words):
    body = catalog.text(locale, "pending_transaction.nodes.tron_energy.body")
    for word in words:
        assert word in body, word


def test_an_evm_replacement_must_beat_the_current_base_fee(catalog):
    for node in ("evm_speed_up", "evm_oldest_first"):
        body = catalog.text("en", f"pending_transaction.nodes.{node}.body")
        assert "base fee × 2" in body and "10%" in body, node


# ---- 8. search ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("query", "flow_id", "node_id"), [
    ("OUT_OF_ENERGY", "pending_transaction", "tron_energy"),
    ("提币成功但钱包没显示", "stuck_withdrawal", "check_network"),
    ("提幣成功但錢包沒顯示", "stuck_withdrawal", "check_network"),
    ("USDC.e", "stuck_withdrawal", "add_token"),
    ("跨链没到账", "stuck_withdrawal", "bridge_status"),
])
def test_search_finds_chain_errors_and_common_phrasings(catalog, query, flow_id, node_id):
    hits = [h for h in SearchIndex(catalog).search(query) if h.node_id is not None]
    assert hits and (hits[0].flow_id, hits[0].node_id) == (flow_id, node_id), hits[:3]


# ---- 9. the funds-at-risk fixes, walked ---------------------------------------------------------------------------
def _bodies_on(catalog, locale: str, flow_id: str, path) -> str:
    return "\n".join(catalog.text(locale, f"{flow_id}.nodes.{node}.body") or "" for node in path)


@pytest.mark.parametrize(("locale", "outside", "only_after"), [
    ("en", "outside this phone", "Only after the check above"),
    ("zh-CN", "这台手机以外", "仅在上面的核对全部通过之后"),
    ("zh-TW", "這支手機以外", "只有在上面的核對全部通過之後"),
])
def test_reset_app_comes_only_after_every_address_matches_one_kept_outside_the_phone(walks, catalog, locale, outside,
                                                                                       only_after):
    """"Wallet already exists" alone is not a proof: the address must match a record the phone can't have changed."""
    reaching = [w for w in walks["login_failure"] if "reset_password" in w.path]
    assert reaching
    for walk in reaching:
        before = walk.path[:walk.path.index("reset_password")]
        assert "verify_backups" in before and dict(walk.answers)["verify_backups"] == "all_match", walk.path
        shown = _bodies_on(catalog, locale, "login_failure", before)
        assert outside in shown, (locale, walk.path)
    label = catalog.text(locale, "login_failure.nodes.verify_backups.choices.all_match")
    assert {"en": "recorded outside this phone", "zh-CN": "手机以外留存的地址", "zh-TW": "手機以外留存的地址"}[locale] in label
    reset = catalog.text(locale, "login_failure.nodes.reset_password.body")
    assert reset.index(only_after) < reset.index({"en": "Reset App", "zh-CN": "重置应用", "zh-TW": "重置應用"}[locale])


@pytest.mark.parametrize(("locale", "dont"), [
    ("en", "Don't remove or re-import the wallet"),
    ("zh-CN", "不要删除或重新导入钱包"),
    ("zh-TW", "不要刪除或重新匯入錢包"),
])
def test_a_nonce_error_never_ends_in_removing_the_wallet(walks, catalog, locale, dont):
    reaching = [w for w in walks["pending_transaction"] if "evm_desync" in w.path]
    assert reaching
    body = catalog.text(locale, "pending_transaction.nodes.evm_desync.body")
    assert dont in body and "nonce" in body
    remove = {"en": r"remove \**this\**", "zh-CN": r"删除\**这一个", "zh-TW": r"刪除\**這一個"}[locale]
    for walk in walks["pending_transaction"]:
        assert not re.search(remove, _bodies_on(catalog, locale, "pending_transaction", walk.path)), walk.path


@pytest.mark.parametrize(("locale", "dont"), [
    ("en", "Don't offload or delete TokenPocket until every wallet's backup is proven"),
    ("zh-CN", "在每个钱包的备份都证明有效之前，不要对 TokenPocket 用“卸载 App”"),
    ("zh-TW", "在每個錢包的備份都證明有效之前，不要對 TokenPocket 用「卸載 App」"),
])
def test_a_crashing_iphone_is_never_told_to_offload_the_wallet_before_the_backup_check(walks, catalog, locale, dont):
    keeps = {"en": "keeps the wallet data", "zh-CN": "会保留钱包数据", "zh-TW": "會保留錢包資料"}[locale]
    for walk in walks["login_failure"]:
        if "crash_fixes" not in walk.path:
            continue
        assert "backup_check" not in walk.path[:walk.path.index("crash_fixes")]
        body = catalog.text(locale, "login_failure.nodes.crash_fixes.body")
        assert dont in body and keeps not in body


def test_assets_leaving_a_lost_phone_become_an_urgent_theft_report_with_its_hashes(walks, catalog):
    """Phone stolen, no backup, locked in Lost Mode; two days later 1,250 USDT leave the address on TRON."""
    from assistant.email.draft import build_draft
    flow = catalog.flows["lost_wallet"]
    theft = [w for w in walks["lost_wallet"] if dict(w.answers).get("watch_address") == "unsolved"]
    assert theft
    for walk in theft:
        assert "leak_report" in walk.path and "lost_report" not in walk.path, walk.path
        assert walk.path[-1] == "leak_urgent" and flow.node("leak_urgent").outcome is OutcomeKind.URGENT
        visible = {f.name for f in walk.session.visible_fields(flow.node("leak_report"))}
        assert {"theft_tx", "attacker_address", "stolen_amount", "receiving_exchange", "police_report"} <= visible
    full = next(w for w in theft if "theft_tx" in w.session.form_values())
    for locale, case in (("en", "Phone lost; assets moved out of the address"),
                         ("zh-CN", "手机丢失期间，地址上的资产被转走"), ("zh-TW", "手機遺失期間，地址上的資產被轉走")):
        draft = build_draft(full.session, catalog, locale)
        assert case in draft.subject and full.session.form_values()["theft_tx"] in draft.body, locale
    for locale, words in (("en", ("TxID", "within hours")), ("zh-CN", ("TxID", "几小时内")), ("zh-TW", ("TxID", "幾小時內"))):
        body = catalog.text(locale, "lost_wallet.nodes.watch_address.body")
        assert all(w in body for w in words), locale


@pytest.mark.parametrize(("locale", "clean", "not_there", "gate"), [
    ("en", "On the clean device, import the old wallet", "Don't send from the infected device",
     "not the device where the address was swapped"),
    ("zh-CN", "在那台干净的设备上用旧助记词导入旧钱包", "不要在中毒的设备上操作", "不能是地址被替换、或装过假应用的那台设备"),
    ("zh-TW", "在那台乾淨的裝置上用舊助記詞匯入舊錢包", "不要在中毒的裝置上操作", "不能是地址被替換、或裝過假應用的那台裝置"),
])
def test_after_a_swapped_address_what_is_left_is_moved_from_a_clean_device(walks, catalog, locale, clean, not_there, gate):
    swapped = [w for w in walks["stuck_withdrawal"] if "clipboard_act_now" in w.path]
    assert swapped and all(dict(w.answers).get("wrong_address") == "pasted" for w in swapped)
    body = catalog.text(locale, "stuck_withdrawal.nodes.clipboard_act_now.body")
    assert clean in body and not_there in body
    pasted = [w for w in walks["lost_wallet"] if dict(w.answers).get("wrong_address") == "pasted"]
    assert pasted and all("leak_act_now" in w.path for w in pasted)
    step1 = next(line for line in catalog.text(locale, "_safety_gate.nodes.leak_act_now.body").splitlines()
                 if line.startswith("1."))
    assert gate in step1


@pytest.mark.parametrize(("locale", "never_top_up", "old"), [
    ("en", "don't send fee money to the old address at all", "If a fee you send in"),
    ("zh-CN", "完全不要往旧地址转手续费", "如果你转进去的手续费"),
    ("zh-TW", "完全不要往舊地址轉手續費", "如果你轉進去的手續費"),
])
def test_a_drained_native_coin_means_a_sweeper_and_no_fee_top_ups(catalog, locale, never_top_up, old):
    body = catalog.text(locale, "_safety_gate.nodes.leak_act_now.body")
    assert never_top_up in body and old not in body

