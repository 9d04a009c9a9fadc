"""The secret scanner: what it blocks, what it asks about, what it leaves alone, and how redact() removes it.

Every phrase and key is generated at test time; none is a real secret.
"""
from __future__ import annotations

import dataclasses
import json
import random
import unicodedata
import uuid

import pytest
from embit import base58, ec, script
from mnemonic import Mnemonic
from nacl.signing import SigningKey

from assistant.secrets.scan import (
    Finding,
    SecretKind,
    Severity,
    find_secrets,
    has_blocking,
    is_blocked,
    redact,
)
from assistant.validation.keccak import keccak256
from tests.seeded import random_bytes

LANGS = Mnemonic.list_languages()
STRENGTHS = {128: 12, 160: 15, 192: 18, 224: 21, 256: 24}
CHINESE = ["chinese_simplified", "chinese_traditional"]
SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
rng = random.Random(3411)


# --- helpers -------------------------------------------------------------------------------------------------


def words_of(lang: str, strength: int = 128) -> list[str]:
    phrase = Mnemonic(lang).generate(strength)
    return phrase.split("\u3000") if lang == "japanese" else phrase.split(" ")


def private_key() -> bytes:
    while True:
        key = random_bytes(32)
        if 0 < int.from_bytes(key, "big") < SECP256K1_N:
            return key


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


def assert_covers(text: str, finding: Finding, secret: str) -> None:
    """The finding's span covers the whole secret, and its detail does not repeat it."""
    at = text.index(secret)
    assert finding.start <= at and at + len(secret) <= finding.end, (finding, text[finding.start : finding.end])
    assert secret not in finding.detail


def assert_phrase_blocked(text: str, phrase_text: str) -> Finding:
    f = only(find_secrets(text))
    assert (f.kind, f.severity) == (SecretKind.MNEMONIC, Severity.BLOCK)
    assert_covers(text, f, phrase_text)
    return f


def eip55(raw: bytes) -> str:
    hexaddr = raw.hex()
    digest = keccak256(hexaddr.encode()).hex()
    return "0x" + "".join(c.upper() if int(d, 16) >= 8 else c for c, d in zip(hexaddr, digest, strict=False))


def solana_keypair() -> bytes:
    sk = SigningKey.generate()
    return bytes(sk) + bytes(sk.verify_key)


# --- recovery phrases ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("strength", STRENGTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_generated_phrase_of_every_language_and_length_is_blocked_with_valid_checksum(lang, strength):
    words = words_of(lang, strength)
    sep = "\u3000" if lang == "japanese" else " "
    phrase = sep.join(words)
    f = assert_phrase_blocked(f"Here it is:\n{phrase}\nOK?", phrase)
    assert "checksum ok" in f.detail
    assert str(STRENGTHS[strength]) in f.detail


SEPARATORS = {
    "space": lambda ws: " ".join(ws),
    "newline": lambda ws: "\n".join(ws),
    "tab": lambda ws: "\t".join(ws),
    "comma": lambda ws: ", ".join(ws),
    "comma_no_space": lambda ws: ",".join(ws),
    "fullwidth_comma": lambda ws: "，".join(ws),
    "ideographic_comma": lambda ws: "、".join(ws),
    "ideographic_space": lambda ws: "\u3000".join(ws),
    "semicolon": lambda ws: "; ".join(ws),
    "dash": lambda ws: " - ".join(ws),
    "numbered_dot_lines": lambda ws: "\n".join(f"{i}. {w}" for i, w in enumerate(ws, 1)),
    "numbered_paren_lines": lambda ws: "\n".join(f"{i}) {w}" for i, w in enumerate(ws, 1)),
    "hash_numbered": lambda ws: "  ".join(f"#{i} {w}" for i, w in enumerate(ws, 1)),
    "colon_numbered": lambda ws: "\n".join(f"{i}: {w}" for i, w in enumerate(ws, 1)),
    "numbered_glued": lambda ws: " ".join(f"{i}.{w}" for i, w in enumerate(ws, 1)),
    "upper_case": lambda ws: " ".join(w.upper() for w in ws),
    "title_case": lambda ws: " ".join(w.capitalize() for w in ws),
}


@pytest.mark.parametrize("style", SEPARATORS)
@pytest.mark.parametrize("lang", ["english", "spanish", "russian", "korean", "japanese", "chinese_simplified"])
def test_phrase_is_blocked_whatever_the_separators_numbering_or_case(lang, style):
    words = words_of(lang, 128)
    phrase = SEPARATORS[style](words)
    first_word = phrase.lstrip("#0123456789.): ")  # the span starts at the first word, after its number
    assert_phrase_blocked(f"My wallet backup:\n{phrase}\n", first_word)


@pytest.mark.parametrize("strength", STRENGTHS)
@pytest.mark.parametrize("lang", CHINESE)
def test_chinese_phrase_without_separators_alone_on_a_line_is_blocked(lang, strength):
    phrase = "".join(words_of(lang, strength))
    text = f"你好，\n{phrase}\n谢谢你们的帮助。"
    f = assert_phrase_blocked(text, phrase)
    assert "checksum ok" in f.detail


@pytest.mark.parametrize("lang", CHINESE)
def test_chinese_phrase_without_separators_after_a_label_is_blocked(lang):
    phrase = "".join(words_of(lang, 256))
    assert_phrase_blocked(f"我的钱包被盗了。助记词：{phrase}", phrase)


@pytest.mark.parametrize("lang", CHINESE)
def test_chinese_phrase_glued_between_keyword_and_prose_is_blocked(lang):
    phrase = "".join(words_of(lang, 128))
    assert_phrase_blocked(f"我的助记词是{phrase}请帮我找回资产", phrase)


@pytest.mark.parametrize("sep", [" ", "，", "、", "\u3000"])
@pytest.mark.parametrize("lang", CHINESE)
def test_chinese_phrase_with_separators_inside_a_sentence_is_blocked(lang, sep):
    phrase = sep.join(words_of(lang, 128))
    text = f"你好，我的钱包资产不见了，我的助记词是 {phrase} ，请帮我找回。"
    assert_phrase_blocked(text, phrase)


@pytest.mark.parametrize("lang", ["english", "french", "korean", "chinese_traditional"])
def test_phrase_with_failing_checksum_is_still_blocked(lang):
    wordlist = Mnemonic(lang).wordlist
    m = Mnemonic(lang)
    while True:
        words = [rng.choice(wordlist) for _ in range(12)]
        if not m.check(" ".join(words)):
            break
    phrase = " ".join(words)
    f = assert_phrase_blocked(f"words: {phrase}", phrase)
    assert "checksum failed" in f.detail


def misspell(word: str) -> str:
    wordlist = set(Mnemonic("english").wordlist)
    while True:
        i = rng.randrange(len(word))
        typo = rng.choice(
            [word[:i] + word[i + 1 :], word[:i] + rng.choice("aeiourst") + word[i + 1 :], word[:i] + "e" + word[i:]]
        )
        if typo != word and typo not in wordlist:
            return typo


def test_phrase_with_a_misspelt_word_is_blocked():
    words = words_of("english", 128)
    long_words = [i for i, w in enumerate(words) if len(w) >= 6]
    if not long_words:
        pytest.skip("generated phrase has no word of 6+ letters")  # about 1 in 10^5
    i = rng.choice(long_words)
    words[i] = misspell(words[i])
    phrase = " ".join(words)
    f = assert_phrase_blocked(f"I wrote down: {phrase}", phrase)
    assert "misspelt" in f.detail


def test_phrase_with_a_misspelt_first_word_is_covered_from_that_word():
    words = words_of("english", 128)
    words[0] = misspell("abstract")  # a fixed long word, so the typo check always applies
    phrase = " ".join(words)
    assert_phrase_blocked(f"Zq: {phrase}", phrase)


def test_phrase_of_english_four_letter_stubs_is_blocked_with_checksum():
    words = words_of("english", 128)
    phrase = " ".join(w[:4] for w in words).upper()
    f = assert_phrase_blocked(f"steel plate says {phrase}", phrase)
    assert "checksum ok" in f.detail


@pytest.mark.parametrize("lang", ["spanish", "french", "czech", "portuguese", "turkish"])
def test_phrase_typed_without_accents_is_blocked(lang):
    decomposed = unicodedata.normalize("NFKD", " ".join(words_of(lang, 160)))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")
    f = assert_phrase_blocked(plain, plain)
    assert "checksum ok" in f.detail


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_phrase_in_composed_or_decomposed_unicode_keeps_spans_in_the_original_text(form):
    words = words_of("spanish", 128)
    phrase = unicodedata.normalize(form, " ".join(words))
    text = unicodedata.normalize(form, "Mi frase de recuperación: ") + phrase + " ¡gracias!"
    assert_phrase_blocked(text, phrase)


def test_phrase_embedded_in_a_longer_english_message_is_found_exactly_once():
    phrase = " ".join(words_of("english", 256))
    text = (
        "Hi support, after the last update my USDT balance shows zero on TRON. "
        f"My recovery phrase is {phrase}. Can you restore it for me? Thanks a lot."
    )
    assert_phrase_blocked(text, phrase)


def test_phrase_embedded_in_a_longer_chinese_message_is_found_exactly_once():
    phrase = " ".join(words_of("english", 128))
    text = f"客服你好，我的TP钱包打不开了，我的助记词是：{phrase}。请帮我恢复钱包，谢谢！"
    assert_phrase_blocked(text, phrase)


def test_partial_phrase_of_eight_words_is_blocked():
    words = words_of("english", 128)[:8]
    phrase = " ".join(words)
    f = assert_phrase_blocked(f"Zq: {phrase}", phrase)
    assert f.detail.startswith("8 words")


def test_five_to_seven_words_after_a_seed_keyword_ask_for_confirmation():
    phrase = " ".join(words_of("english", 128)[:6])
    text = f"The first words of my seed phrase are {phrase} and I lost the rest"
    f = only([f for f in find_secrets(text) if f.kind is SecretKind.MNEMONIC])
    assert f.severity is Severity.CONFIRM
    assert_covers(text, f, phrase)


def test_five_to_seven_words_without_a_keyword_are_left_alone():
    assert find_secrets("Zq: " + " ".join(words_of("english", 128)[:6])) == []


# --- raw hex private keys ------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["私钥: ", "密钥：", "秘钥 ", "My private key is ", "privkey=", "key: ", "exported "])
@pytest.mark.parametrize("prefix", ["", "0x"])
def test_hex_key_labelled_as_a_key_is_blocked(label, prefix):
    secret = prefix + private_key().hex()
    text = f"{label}{secret}"
    f = only(find_secrets(text))
    assert (f.kind, f.severity) == (SecretKind.PRIVATE_KEY_HEX, Severity.BLOCK)
    assert text[f.start : f.end] == secret


@pytest.mark.parametrize("prefix", ["", "0x"])
def test_unlabelled_64_hex_in_free_text_asks_for_confirmation(prefix):
    secret = prefix + private_key().hex()
    text = f"It shows {secret} and nothing else"
    f = only(find_secrets(text))
    assert (f.kind, f.severity) == (SecretKind.PRIVATE_KEY_HEX, Severity.CONFIRM)
    assert text[f.start : f.end] == secret


def test_key_word_before_a_transaction_label_does_not_flag_the_hash():
    text = "I never shared my private key with anyone. The transaction I sent is " + private_key().hex()
    assert find_secrets(text) == []
    assert find_secrets(f"I never shared my private key. Tx hash: 0x{random_bytes(32).hex()}") == []


@pytest.mark.parametrize("prefix", ["", "0x"])
def test_bare_hash_in_the_tx_hash_field_is_only_asked_about(prefix):
    found = find_secrets(prefix + random_bytes(32).hex(), context="tx_hash")
    assert found and not has_blocking(found) and "transaction-hash field" in found[0].detail


def test_value_called_a_key_in_the_tx_hash_field_is_blocked():
    f = only(find_secrets("private key: " + private_key().hex(), context="tx_hash"))
    assert f.severity is Severity.BLOCK


@pytest.mark.parametrize(
    "url", ["https://etherscan.io/tx/0x{}", "https://tronscan.org/#/transaction/{}", "https://mempool.space/tx/{}"]
)
def test_hash_inside_an_explorer_link_is_accepted(url):
    assert find_secrets("See " + url.format(random_bytes(32).hex())) == []


@pytest.mark.parametrize("digits", [63, 65, 128])
def test_hex_of_other_lengths_is_not_a_key(digits):
    assert find_secrets("data " + random_bytes(64).hex()[:digits]) == []


def test_hex_outside_the_secp256k1_range_is_not_a_key():
    assert find_secrets("value " + "0" * 64) == []
    assert find_secrets("value " + "f" * 64) == []


# --- WIF, extended keys --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "compressed", "first"),
    [(b"\x80", False, "5"), (b"\x80", True, "KL"), (b"\xef", False, "9"), (b"\xef", True, "c")],
)
def test_wif_private_key_is_blocked(version, compressed, first):
    wif = base58.encode_check(version + private_key() + (b"\x01" if compressed else b""))
    assert wif[0] in first and len(wif) == (52 if compressed else 51)
    text = f"imported {wif} into the wallet"
    f = only(find_secrets(text))
    assert (f.kind, f.severity) == (SecretKind.WIF, Severity.BLOCK)
    assert text[f.start : f.end] == wif


def test_wif_shaped_string_with_a_bad_checksum_is_not_flagged():
    wif = base58.encode_check(b"\x80" + private_key() + b"\x01")
    broken = wif[:-1] + ("2" if wif[-1] != "2" else "3")
    assert find_secrets(broken) == []


XPRV_VERSIONS = {
    "xprv": "0488ADE4", "yprv": "049D7878", "zprv": "04B2430C", "Yprv": "0295B005", "Zprv": "02AA7A99",
    "tprv": "04358394", "uprv": "044A4E28", "vprv": "045F18BC", "Uprv": "024285B5", "Vprv": "02575048",
}  # fmt: skip


def extended_key(version_hex: str, key_data: bytes) -> str:
    depth_fingerprint_child = bytes([rng.randrange(5)]) + random_bytes(4) + random_bytes(4)
    raw = bytes.fromhex(version_hex) + depth_fingerprint_child + random_bytes(32) + key_data
    assert len(raw) == 78
    return base58.encode_check(raw)


@pytest.mark.parametrize("prefix", XPRV_VERSIONS)
def test_extended_private_key_is_blocked(prefix):
    xprv = extended_key(XPRV_VERSIONS[prefix], b"\x00" + private_key())
    assert xprv.startswith(prefix) and len(xprv) == 111
    text = f"account key {xprv}\n"
    f = only(find_secrets(text))
    assert (f.kind, f.severity) == (SecretKind.EXTENDED_PRIVATE_KEY, Severity.BLOCK)
    assert text[f.start : f.end] == xprv and "checksum ok" in f.detail


def test_mistyped_extended_private_key_is_still_blocked():
    xprv = extended_key(XPRV_VERSIONS["xprv"], b"\x00" + private_key())
    mistyped = xprv[:50] + ("A" if xprv[50] != "A" else "B") + xprv[51:]
    assert only(find_secrets(mistyped)).severity is Severity.BLOCK


@pytest.mark.parametrize("version", ["0488B21E", "049D7CB2", "04B24746", "043587CF"])  # xpub ypub zpub tpub
def test_extended_public_key_is_not_flagged(version):
    pub = ec.PrivateKey(private_key()).get_public_key().sec()
    assert find_secrets("my xpub " + extended_key(version, pub)) == []


# --- keystore JSON -------------------------------------------------------------------------------------------


def keystore(crypto_key: str = "crypto", kdf: str = "scrypt") -> dict:
    params = (
        {"dklen": 32, "n": 262144, "r": 8, "p": 1, "salt": random_bytes(32).hex()}
        if kdf == "scrypt"
        else {"dklen": 32, "c": 262144, "prf": "hmac-sha256", "salt": random_bytes(32).hex()}
    )
    return {
        "address": random_bytes(20).hex(),
        crypto_key: {
            "cipher": "aes-128-ctr",
            "cipherparams": {"iv": random_bytes(16).hex()},
            "ciphertext": random_bytes(32).hex(),
            "kdf": kdf,
            "kdfparams": params,
            "mac": random_bytes(32).hex(),
        },
        "id": str(uuid.uuid4()),
        "version": 3,
    }


@pytest.mark.parametrize("indent", [None, 2, 4])
@pytest.mark.parametrize(("crypto_key", "kdf"), [("crypto", "scrypt"), ("Crypto", "pbkdf2")])
def test_keystore_json_is_blocked_as_one_finding_over_the_whole_object(indent, crypto_key, kdf):
    blob = json.dumps(keystore(crypto_key, kdf), indent=indent)
    text = f"Here is my keystore file:\n{blob}\nand I forgot the password"
    f = only(find_secrets(text))
    assert (f.kind, f.severity) == (SecretKind.KEYSTORE_JSON, Severity.BLOCK)
    assert text[f.start : f.end] == blob


def test_truncated_keystore_json_is_blocked_to_the_end_of_the_text():
    blob = json.dumps(keystore(), indent=2)
    cut = blob[: blob.index('"mac"') + 30]
    text = "pasted: " + cut
    f = only(find_secrets(text))
    assert f.kind is SecretKind.KEYSTORE_JSON and (f.start, f.end) == (text.index("{"), len(text))


def test_keystore_fields_without_braces_are_blocked():
    crypto = keystore()["crypto"]
    lines = "\n".join(f'"{k}": {json.dumps(v)},' for k, v in crypto.items())
    f = only(find_secrets("fields:\n" + lines + "\nend"))
    assert f.kind is SecretKind.KEYSTORE_JSON and f.severity is Severity.BLOCK


def test_json_without_keystore_fields_is_not_flagged():
    assert find_secrets(json.dumps({"crypto": "USDT", "network": "TRC20", "amount": "120", "mac": "n/a"})) == []


# --- Solana --------------------------------------------------------------------------------------------------


def test_solana_secret_key_in_base58_is_blocked():
    secret = base58.encode(solana_keypair())
    text = f"Phantom export: {secret}"
    f = only(find_secrets(text))
    assert (f.kind, f.severity) == (SecretKind.SOLANA_SECRET_KEY, Severity.BLOCK)
    assert text[f.start : f.end] == secret


@pytest.mark.parametrize("indent", [None, 2])
def test_solana_keypair_as_json_byte_array_is_blocked(indent):
    blob = json.dumps(list(solana_keypair()), indent=indent)
    text = f"id.json:\n{blob}\n"
    f = only(find_secrets(text))
    assert (f.kind, f.severity) == (SecretKind.SOLANA_SECRET_KEY, Severity.BLOCK)
    assert text[f.start : f.end] == blob


def test_json_array_of_64_bytes_that_is_not_a_keypair_asks_for_confirmation():
    f = only(find_secrets(json.dumps(list(random_bytes(64)))))
    assert (f.kind, f.severity) == (SecretKind.SOLANA_SECRET_KEY, Severity.CONFIRM)


def test_solana_transaction_signature_is_not_flagged():
    signature = SigningKey.generate().sign(b"transfer 1 SOL").signature
    assert find_secrets("signature " + base58.encode(signature)) == []
    assert find_secrets("txid " + base58.encode(random_bytes(64))) == []


# --- labelled passwords and one-time codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("My wallet password: Tp#{n}secure", "Tp#{n}secure"), ("支付密码：{n}", "{n}"), ("PIN = {n}", "{n}")],
)
def test_labelled_password_is_blocked(text, value):
    n = str(rng.randrange(100000, 999999))
    text, value = text.format(n=n), value.format(n=n)
    f = only(find_secrets(text))
    assert (f.kind, f.severity) == (SecretKind.PASSWORD_LINE, Severity.BLOCK)
    assert text[f.start : f.end] == value


def test_labelled_plain_word_password_asks_for_confirmation():
    assert only(find_secrets("password: forgotten")).severity is Severity.CONFIRM


@pytest.mark.parametrize("template", ["2FA code: {a}{b}", "Google Authenticator {a} {b}", "验证码 {a}{b}"])
def test_one_time_code_next_to_its_keyword_is_blocked(template):
    a, b = rng.randrange(100, 999), rng.randrange(100, 999)
    f = only(find_secrets(template.format(a=a, b=b)))
    assert (f.kind, f.severity) == (SecretKind.TOTP_CODE, Severity.BLOCK)


# --- things that must not be flagged -------------------------------------------------------------------------


def public_addresses() -> list[str]:
    pub = ec.PrivateKey(private_key()).get_public_key()
    return [
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        eip55(random_bytes(20)),
        "0x" + random_bytes(20).hex(),
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        base58.encode_check(b"\x41" + random_bytes(20)),
        base58.encode_check(b"\x00" + random_bytes(20)),
        base58.encode_check(b"\x05" + random_bytes(20)),
        script.p2wpkh(pub).address(),
        script.p2wsh(script.p2pkh(pub)).address(),
        script.p2tr(pub).address(),
        base58.encode(bytes(SigningKey.generate().verify_key)),
        "11111111111111111111111111111111",
    ]


def test_public_addresses_of_every_chain_are_not_flagged():
    for address in public_addresses():
        assert find_secrets(f"Please send it to {address}, thanks") == [], address
        assert find_secrets(address, context="tx_hash") == [], address


def test_all_addresses_together_are_not_flagged():
    assert find_secrets("\n".join(public_addresses())) == []


ENGLISH_PROSE = [
    "I withdrew 120 USDT from Binance to my TP wallet on TRON yesterday but it has not arrived, "
    "the exchange says completed",
    "My transaction has been pending for two hours, I tried to speed up but it failed",
    "The app crashes every time I open it after the update. I am on Android 14, Samsung Galaxy S23.",
    "I forgot my wallet password and the app says the password is wrong. I still have my backup.",
    "Someone drained all my tokens last night. I think I approved a scam contract on a fake airdrop site.",
    "I sent ETH on the wrong network (BSC instead of Ethereum) to my exchange deposit address. Can it be recovered?",
    "Withdrawal from OKX shows success with a TxID but my balance did not change, please check what happened.",
    "Face ID stopped working and now I cannot confirm any transfer, how do I reset it?",
    "I lost my phone and need to restore my wallet on a new device, what should I do first?",
    "The fee was too high so I cancelled, but the nonce seems stuck and new transactions stay pending.",
    "A person on Telegram said he was TokenPocket support and asked me to verify my wallet on a website.",
    "Energy and bandwidth on TRON are zero and the transfer failed with out of energy, how much TRX do I need?",
    "After I swapped BNB for a new token the token does not show in my asset list, do I need to add it manually?",
    "I moved my funds to a hardware wallet but the balance still appears in the old account as well.",
    "Please help, I can see the incoming transfer on the explorer but the wallet shows nothing at all.",
]

CHINESE_PROSE = [
    "我昨天从币安提现了500 USDT到我的TP钱包，交易哈希显示成功但是钱包里没有到账，请帮我看看是什么原因。",
    "我的转账一直显示打包中，已经两个小时了，加速也失败了，怎么办？",
    "更新之后钱包一打开就闪退，手机是华为Mate 40，系统是鸿蒙。",
    "忘记了钱包密码，提示密码错误，我还有助记词备份，应该怎么重新导入？",
    "有人在电报群里自称是官方客服，让我在网站上验证钱包，我是不是被骗了？",
    "我把以太坊链上的币转到了币安智能链的地址，请问还能找回吗？",
    "昨晚我的钱包里的代币全部被转走了，我好像授权了一个假的空投网站。",
    "波场的能量和带宽都是零，转账失败了，需要多少TRX才能转账？",
    "从欧易提币到钱包，交易所显示已完成，但是钱包余额没有变化。",
    "手机丢了，想在新手机上恢复钱包，应该先做什么？",
    "兑换之后新的代币没有显示在资产列表里，需要手动添加吗？",
    "我在区块浏览器上能看到这笔转入，但是钱包里什么都没有。",
]

OTHER_PROSE = [
    "Retiré 100 USDT de Binance a mi billetera TP ayer, pero todavía no ha llegado. ¿Qué puedo hacer?",
    "J'ai envoyé des USDT sur le mauvais réseau et la transaction est bloquée depuis hier soir.",
    "Я отправил USDT вчера, но транзакция до сих пор не подтверждена. Что делать?",
    "昨日バイナンスからTPウォレットに出金しましたが、まだ着金していません。確認してください。",
    "어제 바이낸스에서 TP 지갑으로 출금했는데 아직 도착하지 않았습니다. 확인 부탁드립니다.",
]


@pytest.mark.parametrize("text", ENGLISH_PROSE + CHINESE_PROSE + OTHER_PROSE)
def test_ordinary_problem_descriptions_are_not_flagged(text):
    assert find_secrets(text) == []


def test_all_problem_descriptions_together_are_not_flagged():
    assert find_secrets("\n".join(ENGLISH_PROSE + CHINESE_PROSE + OTHER_PROSE)) == []


def test_evm_tx_hash_next_to_a_txid_label_is_never_flagged():
    tx = "0x" + random_bytes(32).hex()
    assert not has_blocking(find_secrets(tx, context="tx_hash"))
    assert find_secrets(f"TxID: {tx}") == []
    assert only(find_secrets(f"It shows {tx}")).severity is Severity.CONFIRM


# --- API behaviour -------------------------------------------------------------------------------------------


def test_redact_removes_exactly_the_findings_spans():
    phrase = " ".join(words_of("english", 128))
    key = private_key().hex()
    text = f"A) {phrase}\nB) {key}\nbye"
    findings = find_secrets(text)
    assert [f.kind for f in findings] == [SecretKind.MNEMONIC, SecretKind.PRIVATE_KEY_HEX]
    assert redact(text, findings) == "A) [REMOVED]\nB) [REMOVED]\nbye"
    assert redact(text, findings, placeholder="***") == "A) ***\nB) ***\nbye"


def test_redact_merges_overlapping_spans_and_keeps_text_without_findings():
    spans = [Finding(SecretKind.WIF, 2, 6, Severity.BLOCK), Finding(SecretKind.WIF, 4, 8, Severity.BLOCK)]
    assert redact("0123456789", spans, "#") == "01#89"
    assert redact("nothing here", []) == "nothing here"


def test_redacted_text_has_nothing_left_to_block():
    wif = base58.encode_check(b"\x80" + private_key())
    text = (
        f"seed {' '.join(words_of('english', 256))} and key {base58.encode(solana_keypair())} and "
        f"{json.dumps(keystore())} and wif {wif}"
    )
    assert is_blocked(text)
    assert not has_blocking(find_secrets(redact(text, find_secrets(text))))


def test_findings_are_sorted_by_start():
    text = f"{private_key().hex()} then {' '.join(words_of('english', 128))} then 私钥 {private_key().hex()}"
    starts = [f.start for f in find_secrets(text)]
    assert len(starts) == 3 and starts == sorted(starts)


def test_has_blocking_and_is_blocked_ignore_confirm_only_findings():
    confirm_only = f"it shows {private_key().hex()}"
    assert find_secrets(confirm_only) and not has_blocking(find_secrets(confirm_only))
    assert not is_blocked(confirm_only)
    assert is_blocked("私钥 " + private_key().hex())
    assert not is_blocked("")


def test_unknown_context_is_rejected():
    with pytest.raises(ValueError, match="context"):
        find_secrets("text", context="email")


def test_finding_is_immutable():
    f = Finding(SecretKind.WIF, 0, 1, Severity.BLOCK)
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 5  # type: ignore[misc]
    assert f.detail == ""


@pytest.mark.parametrize("prose", [
    "- Set a new password: did not help",
    "- 重新设置密码：未解决",
    "Check your address on a block explorer first → This address never received them",
    "授权或签名那笔交易的哈希：0xca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
])
def test_support_email_prose_from_the_flows_is_not_flagged(prose):
    findings = find_secrets(prose)
    assert [f for f in findings if f.kind is not SecretKind.PRIVATE_KEY_HEX] == []


def test_a_password_value_ending_its_line_still_asks_for_confirmation():
    findings = find_secrets("wallet password: sunshine\n")
    assert [(f.kind, f.severity) for f in findings] == [(SecretKind.PASSWORD_LINE, Severity.CONFIRM)]


@pytest.mark.parametrize("sentence, value", [
    ("我的钱包密码是 Hunter2xyz", "Hunter2xyz"),
    ("交易密码是123456", "123456"),
    ("密碼是Abc12345，請幫忙看看", "Abc12345"),
    ("my password is Hunter2xyz", "Hunter2xyz"),
    ("pw: Hunter2!xyz", "Hunter2!xyz"),
])
def test_a_password_written_in_a_sentence_is_blocked(sentence, value):
    findings = find_secrets(sentence)
    assert [(f.kind, f.severity, sentence[f.start:f.end]) for f in findings] == [
        (SecretKind.PASSWORD_LINE, Severity.BLOCK, value)]


@pytest.mark.parametrize("prose", ["I forgot my password is it recoverable", "密码是正确的，但是打不开", "新密码为空"])
def test_sentences_about_a_password_are_not_flagged(prose):
    assert find_secrets(prose) == []
