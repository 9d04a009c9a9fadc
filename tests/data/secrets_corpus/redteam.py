#!/usr/bin/env python3
"""Red-team corpus: secrets disguised in styles the main corpus does not use, and benign look-alikes.

    python tests/data/secrets_corpus/redteam.py [--seed N] [--out DIR]

Writes `redteam_block.jsonl` (label "block": every case must be blocked) and `redteam_allow.jsonl` (label
"allow": nothing may be blocked). One JSON object per line: {"id", "class", "label", "text", "note"}.
Phrases come from seeded entropy through `mnemonic.Mnemonic.to_mnemonic` (so every checksum is valid) and keys
from seeded bytes; none is a real, funded secret. Output is the same for the same seed.

Styles (block): a different filler, emoji or number style between every word; camelCase, PascalCase, snake,
kebab and separator-free Latin words; leetspeak, ROT13, reversed words, reversed order, upper case; words
broken by a line break; CJK words behind mixed numbering and punctuation; hex keys under a key field of any
casing or language, and a hex key whose address the same text names.
"""
from __future__ import annotations

import argparse
import codecs
import json
import random
from collections.abc import Callable
from pathlib import Path

from mnemonic import Mnemonic

HERE = Path(__file__).resolve().parent
SEED = 20261130
LATIN = ("english", "spanish", "french", "italian", "portuguese", "czech")
CJK = ("chinese_simplified", "chinese_traditional", "japanese", "korean")

_FILLERS = [" -- ", " / ", " | ", " ~ ", " · ", " => ", " ... ", " ; ", " + ", " 🔑 ", " ✅ ", " ★ ", " :: ", " >> ",
            " 👉 ", " ❤️ ", " • ", " — ", " * ", "\t", " , ", " 🚀 ", " _ ", " ¦ "]
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔"
_ZH_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六",
           "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四"]
_NUMBERINGS: list[Callable[[int], str]] = [
    lambda i: f"{i}) ", lambda i: f"{i}. ", lambda i: f"{_CIRCLED[i - 1]} ", lambda i: f"({i}) ",
    lambda i: f"{_ZH_NUM[i - 1]}、", lambda i: f"#{i} ", lambda i: f"[{i}] ", lambda i: f"{i}: ", lambda i: f"{i}- ",
    lambda i: f"No.{i} ", lambda i: f"第{i}个：",
]
_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})
_LEAD_EN = ["Here is what I have:", "backup ->", "Can you check this?", "my words", "pls restore", "",
            "From my notebook:", "seed"]
_LEAD_CJK = ["这是我抄下来的：", "請幫我看看：", "メモ：", "백업:", "", "助记词如下", "單字："]


def _phrase(rng: random.Random, lang: str, sizes: tuple[int, ...] = (12, 12, 12, 15, 18, 24)) -> list[str]:
    n = rng.choice(sizes)
    return Mnemonic(lang).to_mnemonic(rng.randbytes(n * 4 // 3)).split()


def _cap(w: str) -> str:
    return w[:1].upper() + w[1:]


def _break_mid_word(rng: random.Random, words: list[str]) -> str:
    out = []
    for w in words:
        if len(w) >= 4 and rng.random() < 0.5:
            cut = rng.randrange(2, len(w) - 1)
            w = w[:cut] + "\n" + w[cut:]
        out.append(w)
    return " ".join(out)


# ---- secrets -------------------------------------------------------------------------------------------------
def _latin_styles(rng: random.Random, words: list[str]) -> dict[str, str]:
    nums = rng.sample(_NUMBERINGS, 4)
    return {
        "rt_varied_fillers": "".join(w + rng.choice(_FILLERS) for w in words).rstrip(),
        "rt_mixed_numbering": "\n".join(rng.choice(nums)(i + 1) + w for i, w in enumerate(words)),
        "rt_inline_numbering": " ".join(rng.choice(nums)(i + 1) + w for i, w in enumerate(words)),
        "rt_camel": words[0] + "".join(_cap(w) for w in words[1:]),
        "rt_pascal": "".join(_cap(w) for w in words),
        "rt_snake": "_".join(words),
        "rt_kebab": "-".join(words),
        "rt_glued": "".join(words),
        "rt_glued_upper": "".join(words).upper(),
        "rt_leet": " ".join(w.translate(_LEET) for w in words),
        "rt_rot13": " ".join(codecs.encode(w, "rot13") for w in words),
        "rt_reversed_words": " ".join(w[::-1] for w in words),
        "rt_reversed_order": " ".join(reversed(words)),
        "rt_upper": " ".join(w.upper() for w in words),
        "rt_break_mid_word": _break_mid_word(rng, words),
        "rt_dotted_letters": " ".join(".".join(w) for w in words),
        "rt_quoted_list": "[" + ", ".join(f"'{w}'" for w in words) + "]",
    }


def _cjk_styles(rng: random.Random, words: list[str]) -> dict[str, str]:
    nums = rng.sample(_NUMBERINGS, 4)
    marks = ["、", "，", "・", "/", " ", "｜", "。", "🔑", "→", "；", "　", "-"]
    return {
        "rt_cjk_varied_fillers": "".join(w + rng.choice(marks) for w in words),
        "rt_cjk_mixed_numbering": "\n".join(rng.choice(nums)(i + 1) + w for i, w in enumerate(words)),
        "rt_cjk_inline_numbering": " ".join(rng.choice(nums)(i + 1) + w for i, w in enumerate(words)),
        "rt_cjk_reversed_order": " ".join(reversed(words)),
        "rt_cjk_quoted_list": "[" + ", ".join(f'"{w}"' for w in words) + "]",
    }


def _hex_key_cases(rng: random.Random, i: int) -> dict[str, str]:
    from embit import ec, script  # the address the key controls, so the text can name it

    key = rng.randbytes(32)
    while not 0 < int.from_bytes(key, "big") < 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141:
        key = rng.randbytes(32)
    hx = key.hex()
    pub = ec.PrivateKey(key).get_public_key()
    btc = script.p2wpkh(pub).address()
    names = ["PrivateKey", "private_key", "PRIVATE_KEY", "privKey", "priv", "secretKey", "私钥", "私鑰", "秘密鍵",
             "개인키", "clave_privada", "clé privée", "signerKey", "walletSecret", "pk"]
    name = names[i % len(names)]
    return {
        "rt_key_json_field": json.dumps({"network": "tron", name: rng.choice([hx, "0x" + hx, hx.upper()])}, ensure_ascii=False),
        "rt_key_code_assign": f"```js\nconst {name.replace(' ', '_')} = '0x{hx}';\nconst wallet = new Wallet({name.replace(' ', '_')});\n```",
        "rt_key_0x_bare": f"Value from my config file: 0x{hx}\nIt stopped working after the update.",
        "rt_key_with_own_address": f"My BTC address is {btc}\nthis string was in my notes, is it important?\n{hx}",
    }


def secrets(rng: random.Random) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    english_only = ("rt_rot13", "rt_reversed_words", "rt_leet", "rt_dotted_letters")
    for round_ in range(14):
        lang = LATIN[round_ % len(LATIN)]
        styles = _latin_styles(rng, _phrase(rng, lang))
        if lang != "english":  # those styles are tried on English, the list people actually use
            styles.update({k: v for k, v in _latin_styles(rng, _phrase(rng, "english")).items() if k in english_only})
        for cls, body in styles.items():
            out.append({"class": cls, "text": f"{rng.choice(_LEAD_EN)}\n{body}".lstrip(),
                        "note": "english" if cls in english_only else lang})
    for round_ in range(16):
        lang = CJK[round_ % len(CJK)]
        for cls, body in _cjk_styles(rng, _phrase(rng, lang)).items():
            out.append({"class": cls, "text": f"{rng.choice(_LEAD_CJK)}{body}", "note": lang})
    for i in range(16):
        for cls, body in _hex_key_cases(rng, i).items():
            out.append({"class": cls, "text": body, "note": "secp256k1"})
    return out


# ---- benign ----------------------------------------------------------------------------------------------------
_EN_PROSE = [
    "I am not able to see my account balance after the update, about 300 USDT is missing. My address is {tron}.",
    "Hello, please check this tx: {txh}. I sent it about an hour ago and the account still shows zero.",
    "Is there any way to add a custom token? The contract address is {evm}.",
    "My withdrawal to {btc} has been pending since yesterday, the exchange says it is done. Thank you!",
    "1) Open the app 2. tap Assets ③ choose USDT (4) press Receive and copy the address {tron}",
    "Steps: open wallet -> settings -> security -> backup. I could not find the option, is it removed?",
    "The error says: insufficient energy / bandwidth | fee limit exceeded ~ what should I do?",
    "Thanks for your quick reply 🙏 the transfer arrived 🚀 you can close the ticket ✅",
    "Our function getAccountBalance() returns zero but transferFrom works; is the TRC20 ABI different?",
    "I use wallet_address_book and token_price_cache tables in my app, see {txh} for the failing call.",
    "Read https://support.example.com/how-to-recover-your-wallet-account-access before opening a ticket.",
    "ABLE TO SEND BUT NOT RECEIVE. ADDRESS {evm}. PLEASE HELP ASAP.",
    "#WalletSupport #AccountAccess #TronNetwork: still waiting about my case {case}",
    "Network: ERC20 | Amount: 250 | Fee: 0.0021 ETH | Status: failed | Hash: {txh0x}",
    "The words in my notebook are fine, I just want to know about the gas fee for {evm}, above 20 gwei seems high.",
    "Account: {tron}\nTxID: {txh}\nAmount: 1,000 USDT\nTime: 2026-11-28 21:14 (UTC+8)",
    "Could you explain the difference between the able and unable states in the staking panel? About 5 TRX is frozen.",
    "Please ignore my earlier email, the deposit was credited. Sorry about the noise and thanks again.",
    "The app crashed on launch: java.lang.IllegalStateException at com.wallet.AccountManager.loadAddressBook",
    "my transaction hash is {txh0x} and the block is 19283746, but the token never arrived in {evm}",
]
_ZH_PROSE = [
    "您好，我昨天从交易所提币到 {tron}，交易哈希是 {txh}，到现在还没到账，麻烦帮我查一下。",
    "請問為什麼我的錢包顯示餘額為0？地址是 {evm}，交易雜湊：{txh0x}",
    "我按照步骤：一、打开钱包 二、点击资产 三、选择USDT 四、点击转账，然后提示能量不足，怎么办？",
    "客服你好：我的账户 {tron} 被冻结了吗？转账一直失败，错误信息是 OUT_OF_ENERGY。",
    "①打开App ②进入设置 ③点击安全中心 ④没有找到备份选项，是不是版本太旧？",
    "谢谢你们的回复🙏 币已经到账了，可以关闭工单了。",
    "我在币安提现 500 USDT（TRC20），链上显示成功：https://tronscan.org/#/transaction/{txh}，但是钱包里没有。",
    "請幫我確認這筆交易是否成功 {txh0x}，我的地址 {evm}，謝謝！",
    "比特币地址 {btc} 收不到转账，交易所说已经发出。",
    "ウォレットの残高が表示されません。アドレスは {evm} です。よろしくお願いします。",
    "송금이 완료되지 않았습니다. 트랜잭션 해시: {txh0x} 주소: {tron}",
    "我的钱包里有一个陌生的授权合约 {evm}，怎么取消授权？会不会有风险？",
]
_JSON_BENIGN = [
    '{{"transactionHash": "{txh0x}", "blockHash": "{txh0x2}", "from": "{evm}", "status": "0x1"}}',
    '{{"txID": "{txh}", "ret": [{{"contractRet": "OUT_OF_ENERGY"}}], "owner_address": "{tron}"}}',
    '{{"tx_hash": "{txh}", "address": "{btc}", "confirmations": 0}}',
    '```json\n{{"hash": "{txh0x}", "to": "{evm}", "value": "0x0"}}\n```',
    '{{"publicKey": "{pub}", "address": "{evm}"}}',
]


_CODE_BENIGN = [
    "java.lang.IllegalStateException: AccountAddressBookNotInitializedException at "
    "com.wallet.core.account.AccountManagerImplementationFactory.loadAddressBookFromSecureStorage(Unknown Source)",
    "Error: ERC20InsufficientAllowanceForTransferFromSpenderContract(spender={evm}) while calling {txh0x}",
    "#NeverShareYourRecoveryPhraseWithAnyoneEvenSupport #StaySafeOnChain please retweet, tx {txh0x}",
    "https://support.example.com/hc/articles/whyismytransferpendingandhowcaniaccelerateitonthetronnetwork {tron}",
    "I wrote this paragraph in my notes app and it wraps strange-\nly on the phone: the trans-\naction to {evm} is stuck, "
    "the ap-\nproval was given, but the bal-\nance did not change.",
    "My gamer tag is n00b_h4x0r_1337 and my l33t score is 9001, please don't ban my account {tron} for cheating.",
    "Used a.k.a. the U.S.A. exchange, i.e. the one with e.g. 0.5% fees, to send to {btc}; still nothing after 6 hours.",
    "P2P trade via B2B desk, 2FA enabled, 4G network, Web3 wallet v5.2.1, address {evm}, tx {txh0x}",
    '{{"publicKey": "{ed_pub}", "pubkey": "{ed_pub}", "owner": "{tron}"}}',
    "const txHash = '{txh0x}';\nconst receipt = await provider.getTransactionReceipt(txHash);\nconsole.log(receipt.status);",
    "Account ✅ Address ✅ Amount ✅ Network ❌ — which one is wrong? My wallet {tron} shows about 0 USDT.",
    "前几天在官网下载的钱包，地址 {tron}，交易哈希 {txh}，一直显示打包中。\n请问是不是能量不够？",
    "dataImagePngBase64 iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg",
]


def _fill(rng: random.Random, template: str) -> str:
    from embit import ec, script

    key = rng.randbytes(32)
    priv = ec.PrivateKey(key)
    pub = priv.get_public_key()
    from assistant.secrets.keys import derived_addresses

    derived = sorted(derived_addresses(key))
    evm = next(a for a in derived if a.startswith("0x"))
    tron = next(a for a in derived if a.startswith("T"))
    return template.format(
        tron=tron, evm=evm, btc=script.p2wpkh(pub).address(), txh=rng.randbytes(32).hex(),
        txh0x="0x" + rng.randbytes(32).hex(), txh0x2="0x" + rng.randbytes(32).hex(), pub=pub.sec().hex(),
        case=rng.randrange(10**6, 10**7), ed_pub=rng.randbytes(32).hex(),
    )


def benign(rng: random.Random) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for cls, pool, count in (("rt_benign_en", _EN_PROSE, 120), ("rt_benign_cjk", _ZH_PROSE, 96),
                             ("rt_benign_json", _JSON_BENIGN, 40), ("rt_benign_code", _CODE_BENIGN, 78)):
        for i in range(count):
            out.append({"class": cls, "text": _fill(rng, pool[i % len(pool)]), "note": f"template {i % len(pool)}"})
    return out


def corpus(seed: int = SEED) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    rng = random.Random(seed)
    block = [{"id": f"rt-block-{i:03d}", "label": "block", **c} for i, c in enumerate(secrets(rng))]
    allow = [{"id": f"rt-allow-{i:03d}", "label": "allow", **c} for i, c in enumerate(benign(rng))]
    return block, allow


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    block, allow = corpus(args.seed)
    for name, items in (("redteam_block", block), ("redteam_allow", allow)):
        lines = (json.dumps(dict(sorted(c.items(), key=lambda kv: "id class label text note".split().index(kv[0]))),
                            ensure_ascii=False) for c in items)
        (args.out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(items)} cases")


if __name__ == "__main__":
    main()
