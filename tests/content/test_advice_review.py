"""The misleading-advice fixes, walked on the shipped flows in every language they were written in.

- A version number proves nothing about an app; only a known install source counts, an unknown one is unofficial.
- TRON changed permissions: what can be saved while the owner is still yours (and its fee), then the new wallet.
- An urgent subject names the cause the person reported, never a phrase leak they denied.
- A deposit report to an exchange carries the TxID, and the memo when the memo was the problem.
- Bitcoin-like "not found": a resend spends the same coins; the original counts as valid until it is void.
- An address in the exchange's book the person never saved is an account takeover, handled at once.
- One TRON explorer domain; approvals are revoked only on a typed site, only with a set-to-0 transaction.
- A lost phone restored from paper is locked first and erased only after the addresses match.
"""
from __future__ import annotations

import pytest

from assistant.email.draft import build_draft
from assistant.errors import FieldErrors
from assistant.flows.engine import Session
from assistant.flows.model import OutcomeKind
from tests.content.test_flows_content import FLOWS, ROOT, walk_all

ALL = ("zh-CN", "en", "zh-TW", "ja", "ko")
TRON_ADDRESS = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


@pytest.fixture(scope="module")
def walks(catalog):
    return {flow_id: walk_all(catalog.flows[flow_id]) for flow_id in ("login_failure", "pending_transaction",
                                                                     "lost_wallet")}


def body(catalog, locale: str, key: str) -> str:
    text = catalog.text(locale, key)
    assert text, (locale, key)
    return text


# ---- M1: the version number -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("locale", "proves_nothing", "unofficial"), [
    ("zh-CN", "证明不了是正版", "就按非官方来源处理"),
    ("en", "a matching number proves nothing", "treat it as unofficial"),
    ("zh-TW", "證明不了是正版", "就當作非官方來源處理"),
    ("ja", "本物の証明にはなりません", "非公式の入手元として扱ってください"),
    ("ko", "정품이라는 증거가 되지 않습니다", "비공식 경로로 취급하세요"),
])
def test_a_version_number_is_never_taken_as_proof_and_an_unknown_source_is_unofficial(catalog, walks, locale,
                                                                                        proves_nothing, unofficial):
    text = body(catalog, locale, "login_failure.nodes.version_check.body")
    assert proves_nothing in text and unofficial in text and "6.3.8" in text and "2.4.1" in text
    node = catalog.flows["login_failure"].node("version_check")
    assert {c.id: c.routes[0].to for c in node.choices} == {"genuine": "crash_fixes", "fake": "leak_act_now",
                                                           "unknown": "leak_act_now"}
    assert node.critical
    for walk in walks["login_failure"]:
        answers = dict(walk.answers)
        if "crash_fixes" in walk.path and answers.get("install_source") == "not_sure":
            assert answers["version_check"] == "genuine", walk.path  # only a confirmed official source goes on


# ---- M2: TRON permissions ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("locale", "owner_still_yours"), [
    ("zh-CN", "资产还能救"), ("en", "the assets can still be saved"), ("zh-TW", "資產還救得回來"),
    ("ja", "資産はまだ救えます"), ("ko", "자산은 아직 살릴 수 있습니다"),
])
def test_changed_tron_permissions_say_what_can_still_be_saved_and_what_the_change_costs(catalog, walks, locale,
                                                                                       owner_still_yours):
    for key in ("pending_transaction.nodes.tron_act_now.body", "lost_wallet.nodes.tron_multisig.body",
                "_safety_gate.nodes.leak_urgent.body"):
        text = body(catalog, locale, key)
        assert owner_still_yours in text and "100 TRX" in text and "owner" in text, (locale, key)
    check = body(catalog, locale, "pending_transaction.nodes.tron_permission.body")
    assert {"zh-CN": "已经转不动", "en": "can no longer be moved", "zh-TW": "已經轉不動",
            "ja": "もう動かせず", "ko": "더 이상 옮길 수 없고"}[locale] not in check  # no longer "always lost"
    for walk in walks["pending_transaction"]:
        if dict(walk.answers).get("tron_permission") == "changed":
            path = walk.path
            assert path.index("tron_act_now") < path.index("leak_report") and path[-1] == "leak_urgent", path
    for walk in walks["lost_wallet"]:
        if dict(walk.answers).get("tron_multisig") == "changed":
            assert walk.path.index("leak_act_now") < walk.path.index("leak_report"), walk.path


def test_a_tron_takeover_email_names_the_permission_change_and_what_happened_to_the_rest(catalog):
    session = Session(catalog.flows["pending_transaction"])
    for answer in ("no", "no", "tron", "failed", "permission", "changed", "blocked"):
        session.choose(answer)
    assert session.current.id == "leak_report"
    session.submit({"your_address": TRON_ADDRESS, "leak_source": "fake_app", "install_source": "unknown",
                    "time": "2026-11-19 21:40 +08:00"})
    assert session.current.id == "leak_urgent"
    for locale, case, fact in (("en", "TRON account permissions changed by someone else", "TRON owner permission"),
                               ("zh-CN", "波场账户权限被他人修改", "波场所有者权限已被他人控制")):
        draft = build_draft(session, catalog, locale)
        assert case in draft.subject and fact in draft.body, locale


# ---- M4: the urgent subject ----------------------------------------------------------------------------------------
def test_funds_gone_without_a_phrase_leak_are_not_called_a_phrase_leak_in_the_subject(catalog):
    """The phrase was only ever typed into the official app; the balance is 0 and the explorer shows a transfer out."""
    session = Session(catalog.flows["login_failure"])
    for answer in ("no", "no", "zero", "moved_out", "blocked", "tron"):
        session.choose(answer)
    assert session.current.id == "leak_report"
    session.submit({"your_address": TRON_ADDRESS, "leak_source": "unknown", "install_source": "app_store",
                    "time": "2026-11-19 21:40 +08:00"})
    for locale, cause, denied in (("en", "Assets moved out without my consent", "phrase"),
                                  ("zh-CN", "资产在未经我同意的情况下被转出", "助记词"),
                                  ("zh-TW", "資產", "助記詞")):
        draft = build_draft(session, catalog, locale)
        assert cause in draft.subject and denied not in draft.subject.lower(), (locale, draft.subject)


def test_an_unofficial_app_names_the_source_as_the_urgent_case(catalog):
    session = Session(catalog.flows["login_failure"])
    for answer in ("no", "no", "crash", "not_sure", "unknown", "moved", "ethereum"):
        session.choose(answer)
    session.submit({"your_address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "leak_source": "fake_app",
                    "install_source": "unknown", "time": "2026-11-19 21:40 +08:00"})
    draft = build_draft(session, catalog, "en")
    assert "Wallet app of unconfirmed origin" in draft.subject
    assert "Install source: cannot be confirmed as official" in draft.body


# ---- M6: what an exchange's recovery form needs ---------------------------------------------------------------------
def _deposit(catalog, problem: str, direction: str = "to_exchange") -> Session:
    session = Session(catalog.flows["stuck_withdrawal"])
    for answer in ("no", "no", "other", "xrp", direction):
        session.choose(answer)
    if direction == "to_exchange":
        for answer in ("success", problem, "unsolved"):
            session.choose(answer)
    else:
        for answer in ("processing", "unsolved"):
            session.choose(answer)
    assert session.current.id == "exchange_report"
    return session


def test_a_deposit_report_requires_the_txid_and_the_memo_when_the_memo_was_the_problem(catalog):
    memo = {f.name: f.required for f in _deposit(catalog, "memo").visible_fields()}
    assert memo["memo"] and memo["tx_hash"]
    network = {f.name: f.required for f in _deposit(catalog, "wrong_network").visible_fields()}
    assert network["tx_hash"] and not network["memo"]
    withdrawal = {f.name: f.required for f in _deposit(catalog, "", "to_wallet").visible_fields()}
    assert not withdrawal["tx_hash"] and not withdrawal["memo"]  # a withdrawal may not have a TxID yet
    session = _deposit(catalog, "memo")
    with pytest.raises(FieldErrors) as caught:
        session.submit({"exchange_name": "Binance", "exchange_uid": "35871942", "coin": "XRP", "amount": "250 XRP",
                        "from_address": "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
                        "deposit_address": "rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh", "time": "2026-11-19 12:48 +08:00"})
    assert set(caught.value.errors) == {"memo", "tx_hash"}
    for locale in ALL:
        assert "XRP" in body(catalog, locale, "stuck_withdrawal.nodes.exchange_report.fields.memo.hint")


# ---- M7: Bitcoin-like "not found" ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("locale", "same_coins", "still_valid"), [
    ("zh-CN", "同一批币", "仍可能上链"), ("en", "same coins", "still"), ("zh-TW", "同一批幣", "仍可能上鏈"),
    ("ja", "同じコイン", "まだ"), ("ko", "같은 코인", "아직"),
])
def test_a_bitcoin_like_resend_spends_the_same_coins(catalog, locale, same_coins, still_valid):
    for node in ("btc_not_found", "other_chain"):
        text = body(catalog, locale, f"pending_transaction.nodes.{node}.body")
        assert same_coins in text and still_valid in text, (locale, node)
    assert "Litecoin" in body(catalog, locale, "pending_transaction.nodes.other_chain.body")


# ---- M9: an address the person never saved ---------------------------------------------------------------------------
def test_an_address_in_the_book_the_person_never_saved_is_an_urgent_account_takeover(catalog):
    flow = catalog.flows["stuck_withdrawal"]
    session = Session(flow)
    for answer in ("no", "no", "tron", "to_wallet", "completed", "success", "different", "not_saved"):
        session.choose(answer)
    assert session.current.id == "wrong_address_report"
    session.submit({"exchange_name": "OKX", "exchange_uid": "35871942", "withdrawal_id": "W2026111900042",
                    "coin": "USDT", "amount": "1,250 USDT",
                    "tx_hash": "05429c4641193661397ae3a912f20230532562f877da60a9a52898f626992292",
                    "wrong_address": "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8", "your_address": TRON_ADDRESS,
                    "time": "2026-11-19 12:48 +08:00"})
    outcome = session.current
    assert outcome.id == "account_takeover_urgent" and outcome.outcome is OutcomeKind.URGENT
    assert outcome.recipient == "exchange" and outcome.critical
    for locale, words in (("en", ("API key", "login history", "Freeze")), ("zh-CN", ("API 密钥", "登录记录", "冻结")),
                          ("zh-TW", ("API 金鑰", "登入紀錄", "凍結")), ("ja", ("API キー", "ログイン履歴", "凍結")),
                          ("ko", ("API 키", "로그인 기록", "동결"))):
        text = body(catalog, locale, "stuck_withdrawal.nodes.account_takeover_urgent.body")
        assert all(w in text for w in words), locale
        assert words[0] in body(catalog, locale, "stuck_withdrawal.nodes.wrong_address_escalate.body"), locale
    draft = build_draft(session, catalog, "en", to="support@okx.com")
    assert "Exchange account suspected compromised" in draft.subject and draft.context["urgent"]


# ---- M10 / M11: one explorer domain, safe revoking -------------------------------------------------------------------
def test_tronscan_has_one_domain_everywhere(catalog):
    assert "tronscan.io" not in catalog.link_domains and "tronscan.org" in catalog.link_domains
    texts = [p for p in (ROOT / "content" / "locales").rglob("*.toml") if not p.name.startswith(".")]
    assert len(texts) >= 5 * len(FLOWS)
    assert not [p for p in texts if "tronscan.io" in p.read_text(encoding="utf-8")]
    for locale in ALL:
        for node in ("approval_act_now", "approval_urgent", "tron_multisig"):
            assert "tronscan.io" not in body(catalog, locale, f"lost_wallet.nodes.{node}.body"), (locale, node)


@pytest.mark.parametrize(("locale", "typed", "discover"), [
    ("zh-CN", "自己输入", "“发现”页"), ("en", "typing the address yourself", "Discover page"),
    ("zh-TW", "自己輸入", "「發現」頁"), ("ja", "自分で入力して", "「発見」画面"), ("ko", "직접 입력해서", "'발견' 화면"),
])
def test_revoking_happens_on_a_typed_site_with_a_set_to_zero_transaction_only(catalog, locale, typed, discover):
    act = body(catalog, locale, "lost_wallet.nodes.approval_act_now.body")
    assert typed in act and "Permit" in act and " 0" in act and discover not in act
    # The urgent page's first step is written per network (body variants); each one revokes to 0 and refuses Permit.
    for network in ("evm", "tron", "other"):
        first_step = body(catalog, locale, f"lost_wallet.nodes.approval_urgent.variants.{network}.body").splitlines()[0]
        assert "Permit" in first_step and " 0" in first_step, (locale, network)


# ---- M14: a lost phone restored from paper ------------------------------------------------------------------------------
@pytest.mark.parametrize(("locale", "lock", "not_erase"), [
    ("zh-CN", "丢失模式", "不要远程抹掉"), ("en", "Lost Mode", "Don't erase it remotely until"),
    ("zh-TW", "遺失模式", "不要遠端抹掉"), ("ja", "紛失モード", "遠隔で消去しないでください"),
    ("ko", "분실 모드", "원격으로 지우지 마세요"),
])
def test_a_restored_lost_phone_is_locked_first_and_erased_only_after_the_addresses_match(catalog, locale, lock,
                                                                                       not_erase):
    lines = body(catalog, locale, "lost_wallet.nodes.phone_restore.body").splitlines()
    assert lines[0].startswith("1. ") and lock in lines[0] and not_erase in lines[0]
    assert "123456" in lines[-1]  # a weak lock or wallet password means a new wallet, said with an example


# ---- weak points made right ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("locale", "rent_inside", "only_trx", "slippage", "wait_not_uninstall"), [
    ("zh-CN", "只在官方应用里租用", "转 **TRX**", "最多调高 0.5–1%", "要求等待，就等"),
    ("en", "Rent only inside the official app", "Sending **TRX**", "at most 0.5–1%", "wait, and never uninstall"),
    ("zh-TW", "只在官方應用程式裡租用", "轉 **TRX**", "最多調高 0.5–1%", "要求等待，就等"),
    ("ja", "公式アプリの中だけ", "**TRX** を送る", "0.5–1% まで", "待ち、決してアンインストールしない"),
    ("ko", "공식 앱 안에서만", "**TRX**를 보내면", "최대 0.5–1%", "기다리고, 절대 앱을 삭제하지"),
])
def test_energy_rental_activation_slippage_and_password_waits_are_stated_safely(catalog, locale, rent_inside,
                                                                                only_trx, slippage,
                                                                                wait_not_uninstall):
    energy = body(catalog, locale, "pending_transaction.nodes.tron_energy.body")
    assert rent_inside in energy and only_trx in energy and "130,000" in energy
    assert slippage in body(catalog, locale, "pending_transaction.nodes.tx_failed.body")
    assert wait_not_uninstall in body(catalog, locale, "login_failure.nodes.keep_trying.body")


def test_a_paid_impostor_report_can_carry_the_police_report_number(catalog):
    session = Session(catalog.flows["stuck_withdrawal"])
    for answer in ("yes", "paid", "tron"):
        session.choose(answer)
    assert session.current.id == "scam_report"
    assert "police_report" in {f.name for f in session.visible_fields()}
    for locale in ALL:
        assert catalog.text(locale, "_safety_gate.nodes.scam_report.fields.police_report.label"), locale


@pytest.mark.parametrize(("answers", "case"), [
    (("no", "no", "ethereum", "bridge", "unsolved"), "Bridge transfer left the source network"),
])
def test_bridge_cases_are_named_as_bridges(catalog, answers, case):
    session = Session(catalog.flows["stuck_withdrawal"])
    for answer in answers:
        session.choose(answer)
    session.submit({"bridge_name": "Stargate", "destination_network": "Arbitrum",
                    "tx_hash": "0x1f56e1ef9956875ce5aeb0dcf724de2744d34b6449be05008cf00186b7f560bd",
                    "your_address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                    "destination_address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "coin": "USDC",
                    "amount": "250 USDC", "time": "2026-11-19 12:48 +08:00"})
    assert case in build_draft(session, catalog, "en").subject


def test_a_solana_transaction_that_never_landed_is_named_so(catalog):
    session = Session(catalog.flows["pending_transaction"])
    for answer in ("no", "no", "solana", "pending", "unsolved"):
        session.choose(answer)
    assert session.current.id == "tx_report"
    values = {"tx_hash": "4FYzRhJp4eChC8CdpHxok8ESHk4vzCGNhKfgydMWdN2jSWCoSqwtN54BAippWhAxqPY4GUzSwoZtFjCWmwXzMGEH",
              "from_address": "So11111111111111111111111111111111111111112", "amount": "1.5 SOL",
              "time": "2026-11-19 12:48 +08:00", "app_version": "2.3.1", "device_os": "Android 14 / Pixel 7"}
    session.submit(values)
    for locale, case in (("en", "Solana transaction expired or did not land"), ("zh-CN", "Solana 交易已过期或未上链")):
        assert case in build_draft(session, catalog, locale).subject, locale


@pytest.mark.parametrize(("locale", "new_wallet", "noted_address"), [
    ("zh-CN", "或者导入后显示的地址和新钱包的地址完全一致", "和第 1 步记下的地址完全一致才算对"),
    ("en", "or the address it shows is identical to the new wallet's", "only an identical address means"),
    ("zh-TW", "或者匯入後顯示的地址和新錢包的地址完全一致", "和第 1 步記下的地址完全一致才算對"),
    ("ja", "新しいウォレットのアドレスと完全に同じなら", "完全に同じときだけ"),
    ("ko", "새 지갑의 주소와 완전히 같으면", "완전히 같을 때만"),
])
def test_a_backup_check_does_not_hang_on_one_in_app_message(catalog, locale, new_wallet, noted_address):
    """“Wallet already exists” differs between versions; an identical address is the proof that works in all."""
    assert new_wallet in body(catalog, locale, "_safety_gate.nodes.leak_act_now.body")
    assert noted_address in body(catalog, locale, "login_failure.nodes.verify_backups.body")


@pytest.mark.parametrize(("locale", "passphrase_app", "keychain", "bridges"), [
    ("zh-CN", "在当初设置密语的那个应用里导入", "别抱太大希望", "其他桥不同"),
    ("en", "import in the app where the passphrase was set up", "don't count on it", "other bridges differ"),
    ("zh-TW", "在當初設定密語的那個 App 裡匯入", "別抱太大希望", "其他橋不同"),
    ("ja", "パスフレーズを設定したときのアプリでインポート", "戻らないことがよくあります", "ほかのブリッジは異なる"),
    ("ko", "패스프레이즈를 설정했던 앱에서 가져오세요", "돌아오지 않는 경우가 많습니다", "다른 브리지는 다르니"),
])
def test_passphrases_system_backups_and_bridge_times_are_not_promised_beyond_what_holds(catalog, locale,
                                                                                      passphrase_app, keychain,
                                                                                      bridges):
    assert passphrase_app in body(catalog, locale, "login_failure.nodes.different_address.body")
    assert keychain in body(catalog, locale, "login_failure.nodes.no_backup.body")
    success = body(catalog, locale, "pending_transaction.nodes.tx_success.body")
    assert bridges in success and "Arbitrum" in success and "7" in success


@pytest.mark.parametrize(("locale", "stated_time", "old_claim", "signed_differently"), [
    ("zh-CN", "交易所标明的到账时间", "1 个确认后显示", "签名不同"),
    ("en", "the exchange's stated crediting time", "after 1 confirmation", "signed differently"),
    ("zh-TW", "交易所標明的入帳時間", "1 個確認後顯示", "簽名不同"),
    ("ja", "取引所が示す反映までの時間", "1 承認で表示", "署名が違います"),
    ("ko", "거래소가 안내한 입금 반영 시간", "1번 확인된 뒤에", "서명이 다릅니다"),
])
def test_waits_follow_the_exchange_and_a_signature_clash_is_not_called_fake_outright(catalog, locale, stated_time,
                                                                                   old_claim, signed_differently):
    assert stated_time in body(catalog, locale, "stuck_withdrawal.nodes.deposit_wait.body")
    assert old_claim not in body(catalog, locale, "stuck_withdrawal.nodes.wait_confirmations.body")
    assert signed_differently in body(catalog, locale, "login_failure.nodes.crash_reinstall.body")
