"""What the words around a value say it is: key labels, transaction labels, passwords and one-time codes.

Every search here is bounded to a window around the value (or is one pass of a regex over the text), so
the cost per finding is constant and the whole stays linear.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# "the key point is", "my key takeaway": the everyday sense of "key" before a noun.
_FIGURATIVE = (r"(?:points?|takeaways?|things?|issues?|questions?|problems?|parts?|factors?|details?|steps?|reasons?"
               r"|ideas?|differences?|concerns?|facts?|features?|dates?|moments?|findings?|terms?|words?|message)(?![a-z0-9])")
# Labels of a private key or seed, in the languages of the wordlists (and glued forms like "privkey").
KEY_CUES = re.compile(
    r"private[\s_-]*key|priv[\s_-]*key|privkey|secret[\s_-]*key|(?<![a-z0-9])secret(?![a-z0-9])|(?<![a-z0-9])[sp]k(?![a-z0-9])"
    r"|(?<![a-z0-9])key\s*(?:[:=：]|->|=>|(?:is|was|below|here)(?![a-z0-9]))|^key(?![a-z0-9])|(?<![a-z0-9])key(?![a-z0-9])(?=\s*$)"
    r"|(?<![a-z0-9])(?:my|this|the|wallet'?s?|import(?:ed)?)\s+(?:\w+\s+)?key(?![a-z0-9])(?!\s+" + _FIGURATIVE + ")"
    r"|(?<![a-z0-9])export(?:ed)?(?![a-z0-9])|导出|導出|匯出|keypair"
    r"|privater?\s+schl[uü]ssel|clave\s+privada|cl[ée]\s+priv[ée]e|chiave\s+privata|chave\s+privada"
    r"|soukrom[yý]\s+kl[ií][cč]|приватн\w*\s+ключ|закрыт\w*\s+ключ|[öo]zel\s+anahtar"
    r"|私钥|密钥|秘钥|私鑰|密鑰|秘鑰|秘密鍵|プライベートキー|개인\s*키|비밀\s*키",
    re.I | re.M,
)
# Labels of a raw 32-byte seed (Solana `Keypair.fromSeed`, "seed bytes").
SEED_CUES = re.compile(r"seed|种子|種子|シード|시드|keypair|secret|private|私钥|私鑰|密钥|密鑰", re.I)
# Labels of a public transaction id, and explorer-link shapes.
TX_CUES = re.compile(
    r"(?<![a-z0-9])tx(?:id|n|\s*hash|\s*id)?(?![a-z0-9])|(?<![a-z0-9])hash(?![a-z0-9])|transaction|(?<![a-z0-9])trx\s*id"
    r"|(?<![a-z0-9])explorer(?![a-z0-9])|scan(?![a-z0-9])|(?<![a-z0-9])link(?![a-z0-9])|/tx/|#/transaction/"
    r"|/transactions?/|(?<![a-z0-9])block(?![a-z0-9])|交易(?!所)|哈希|链接|連結|鏈接|区块|區塊|浏览器|瀏覽器|トランザクション|거래|트랜잭션"
    r"|(?<![a-z0-9])(?:approval|commit|checksum|sha-?256|sha-?1|md5|request[\s_-]*id|state[\s_-]*root)(?![a-z0-9])"
    r"|授权|授權|校验|校驗",
    re.I,
)
_URL_START = re.compile(r"(?:https?://|www\.)\S*$", re.I)

KEY_WINDOW = 400  # a key label this far back still counts ("private key below:", three lines, then the key)
TX_WINDOW = 60  # a transaction label must be close to its hash
AFTER_WINDOW = 40


def in_url(text: str, start: int) -> bool:
    """True when text[start] continues a URL (an explorer link: the value is public)."""
    lo = max(0, start - 200)
    return _URL_START.search(text, lo, start) is not None


@dataclass(frozen=True, slots=True)
class Cue:
    key: bool  # a key/seed label applies
    tx: bool  # a transaction label applies (and is nearer than any key label)


# Literal pieces every cue contains, matched case-sensitively on lower-cased text: a fast first test (the
# full patterns are slow to run on every window).
_KEY_HINT = re.compile(r"key|priv|secret|sk|pk|export|soukrom|anahtar|ключ|私|密|秘|导出|導出|匯出|キー|키")
_TX_HINT = re.compile(r"tx|hash|transaction|trx|explorer|scan|link|block|approval|commit|checksum|sha|md5|request|root"
                      r"|授权|授權|校验|校驗"
                      r"|交易|哈希|链|連|鏈|区块|區塊|浏览|瀏覽|トランザクション|거래|트랜잭션")


# A key label on an earlier line that denies or warns ("I never shared my private key", the safety line "support
# never asks for your recovery phrase, private key or password") does not label a value further down.
_NEGATION = re.compile(r"\b(?:never|not|no|nobody|don't|didn't|won't|doesn't)\b|n't\b|不|没|沒|别|別|绝|絕|永远|永遠|勿", re.I)


_SENTENCE_END = re.compile(r"[\n.!?。！？]")
_CLAUSE_END = re.compile(r"[\n.!?。！？;；,，]")


def _denied(text: str, m: re.Match[str], value_start: int, value_end: int) -> bool:
    """True when the label `m` sits in a clause that denies or warns ("I never shared my private key", "没有泄露
    私钥", "不是私鑰") and the value is outside that clause: the label speaks of no value at all."""
    lo = max(0, m.start() - 200)
    starts = [x.end() for x in _SENTENCE_END.finditer(text, lo, m.start())]
    sentence_start = starts[-1] if starts else lo
    if m.start() >= value_end:  # the label comes after the value: its own clause starts at the last break
        clause = [x.end() for x in _CLAUSE_END.finditer(text, max(value_end, lo), m.start())]
        if not clause:
            return False
        sentence_start = max(sentence_start, clause[-1])
        end = _CLAUSE_END.search(text, m.end(), m.end() + 200)
        return _NEGATION.search(text, sentence_start, end.start() if end else m.end() + 200) is not None
    end = _CLAUSE_END.search(text, m.end(), value_start)
    if end is None:
        return False  # the value is in the label's own clause ("never share this private key: …")
    if _NEGATION.search(text, sentence_start, end.start()):
        return True
    line_end = text.find("\n", m.end(), value_start)
    if line_end >= 0:  # a label on an earlier line: any denial or warning on that line
        line_start = text.rfind("\n", lo, m.start()) + 1
        return _NEGATION.search(text, line_start, line_end) is not None
    return False


def _word_end(text: str, at: int) -> int:
    """`at` moved to the end of the word it falls inside (a window never ends mid-word: "not keys" is not "key")."""
    n = len(text)
    while at < n and at - 1 >= 0 and text[at - 1].isalnum() and text[at].isalnum():
        at += 1
    return at


def _last_end(pattern: re.Pattern[str], hint: re.Pattern[str], text: str, lo: int, hi: int,
              value: tuple[int, int] | None = None) -> int:
    """End of the last match in text[lo:hi]; with `value`, a match in a clause that denies or warns is skipped."""
    if lo >= hi or not hint.search(text[lo:hi].lower()):
        return -1
    last = -1
    for m in pattern.finditer(text, lo, hi):
        if value is not None and _denied(text, m, *value):
            continue
        last = m.end()
    return last


_LIST_LINE = re.compile(r"[ \t]*(?:[-*•·]|\d{1,3}[.)、]|[(（]?\d{1,3}[)）])?[ \t]*(?:0[xX])?[0-9a-fA-F]{64}\b[^\n]{0,60}$")


def _list_header(text: str, start: int) -> int:
    """A value that is an item of a list of hashes (one per line, bulleted or numbered) takes the transaction
    label of the line that heads the list ("Tx hashes:" then 1. … 2. … 3. …): end of that label, or -1."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if not _LIST_LINE.match(text, line_start, line_end if line_end >= 0 else len(text)):
        return -1
    at, items = line_start, 0
    while at > 0 and items < 16:
        prev = text.rfind("\n", 0, at - 1) + 1
        if _LIST_LINE.match(text, prev, at - 1):
            at, items = prev, items + 1
            continue
        return _last_end(TX_CUES, _TX_HINT, text, prev, at - 1)
    return -1


# The name of the field a value is assigned to: `"privateKey": "…"`, `private_key = '…'`, `$secret => "…"`.
# (Latin identifiers only: a Chinese "私钥都没有泄露过：" is prose, whose denials the label search weighs.)
_FIELD = re.compile(r"""(?<![\w\-.$])[A-Za-z_$\u00c0-\u024f][\w\-.]{0,39}["'`]?\]?\s*(?:[:=：]|=>|->)\s*[\[(]?\s*["'`]?\Z""")
_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[_\-.$]+")
# Field-name words that make a value public: a key's public half, an address, or an id or hash of something.
_PUBLIC_FIELD = frozenset("pub pubkey public publickey address addr hash id txid tx txn txhash root block topics "
                          "signature sig nonce checksum digest r s v".split())
_KEY_FIELD = frozenset("priv privkey private privatekey secret secretkey sk pk seed mnemonic wif signingkey".split())


def field_cue(text: str, start: int) -> Cue | None:
    """The cue of the field name `text[start:…]` is assigned to in JSON or code, or None when there is none.
    A key-like name ("privateKey", "PRIVATE_KEY", "walletSecret", "私钥") labels the value; a hash-like name
    ("blockHash", "tx_id") makes it public; other names say nothing."""
    m = _FIELD.search(text, max(0, start - 48), start)
    if m is None:
        return None
    name = m.group().rstrip(" \t\n\"'`])(:=：>-[")
    if not name or any(c.isspace() for c in name):  # words, not an identifier: the label search reads those
        return None
    parts = [p.lower() for p in _HUMP.split(name) if p]
    if not parts:
        return None
    if any(p in _PUBLIC_FIELD for p in parts):
        return Cue(False, True)  # public: a hash, an id, an address or a public key
    joined = " ".join(parts)
    if any(p in _KEY_FIELD for p in parts) or parts[-1] == "key" or KEY_CUES.search(joined):
        return Cue(True, False)
    return None


def cue_before(text: str, start: int, end: int, *, key_window: int = KEY_WINDOW) -> Cue:
    """Which label governs the value text[start:end]: the field name it is assigned to, else the nearest label
    before it, or one right after it."""
    field = field_cue(text, start)
    if field is not None and (field.key or field.tx):
        return field
    last_key = _last_end(KEY_CUES, _KEY_HINT, text, max(0, start - key_window), start, (start, end))
    last_tx = _last_end(TX_CUES, _TX_HINT, text, max(0, start - TX_WINDOW), start)
    if last_tx < 0:
        last_tx = _list_header(text, start)
    if last_key < 0 and last_tx < 0:
        after_end = _word_end(text, min(len(text), end + AFTER_WINDOW))
        if _last_end(KEY_CUES, _KEY_HINT, text, end, after_end, (start, end)) >= 0:
            return Cue(True, False)
        return Cue(False, _last_end(TX_CUES, _TX_HINT, text, end, after_end) >= 0)
    if last_tx > last_key:
        return Cue(False, True)
    return Cue(True, False)


# ---- labelled passwords and one-time codes -------------------------------------------------------------------
_PASSWORD = re.compile(
    r"(?:(?<![a-z0-9])(?:password|passwd|passcode|pwd|pw|pass|pin(?:\s*code)?|passphrase|credentials|api[\s_-]*secret"
    r"|secret[\s_-]*key|mot\s+de\s+passe|contrase[nñ]a|senha|passwort|heslo|parola|пароль)(?![a-z0-9])"
    r"|支付密码|交易密码|密码|密碼|口令|パスワード|비밀번호)"
    # "password: x", "密码是 x", "密码一直是 x", "my password is x", "the password I use is x", "set the password to x",
    # "password? it's x", "password x1y2" and "密码Abc123" (no colon or verb: the value must hold a digit); the value
    # may start on the next line ("password:\n x")
    r"(?:[ \t]*[:：=]|([ \t]*(?:一直|就|都|还|還|也)?(?:是|为|為)"
    r"|[ \t]+(?:(?:i|we)\s+(?:use|used|set|chose)\s+)?(?:is|was|=|to)(?![a-z0-9])|[ \t]*[?？][ \t]*it'?s(?![a-z0-9]))"
    r"|([ \t]*)(?=[^\s，。；！？、]*\d))"
    r"[ \t]*(?:\r?\n[ \t]*)?([^\s，。；！？、]{1,128})",
    re.I,
)
_TOTP = re.compile(
    r"(?:(?<![a-z0-9])(?:2fa|two[\s-]*factor|otp|totp|google\s*auth\w*|google\s*code|authenticator|verification\s*code"
    r"|\d[\s-]*digit\s+code|sms\s*code|text\s*code|unlock\s*code|login\s*code|security\s*code)(?![a-z0-9])"
    r"|谷歌验证码?|验证码|驗證碼|动态码|動態碼|动态密码|動態密碼|安全码|安全碼|短信码|簡訊碼|校验码)"
    r"([^\d\n]{0,20}?)(?<!\d)(\d{3}[ \-]?\d{3}|\d{7,8})(?!\d)",
    re.I,
)
# Another label between a code keyword and the number: the number is that label's (a ticket, an order…).
_OTHER_LABEL = re.compile(r"工单|单号|單號|订单|訂單|编号|編號|ticket|order|case|\bid\b|uid|#|电话|電話|phone|金额|金額", re.I)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORDS_AFTER = re.compile(r"[ \t]*[,;，；]?[ \t]*[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Labelled:
    kind: str  # "password_line" or "totp_code"
    start: int
    end: int
    confirm: bool


_PASSWORD_HINT = re.compile(r"pass|pw|pin|secret|credential|mot de|contrase|senha|heslo|parola|пароль|密码|密碼|口令|パスワード|비밀번호")
_TOTP_HINT = re.compile(
    r"2fa|two|otp|google|authenticator|verification|digit|sms|text|unlock|login"
    r"|security|短信|簡訊|校验|验证码|驗證碼|动态码|動態碼|动态密码|動態密碼|安全码|安全碼"
)


def _near_hints(pattern: re.Pattern[str], hint: re.Pattern[str], text: str, lowered: str) -> list[re.Match[str]]:
    """Matches of `pattern` that start near a hint (one fast literal scan, then bounded searches)."""
    found: list[re.Match[str]] = []
    done = 0
    for h in hint.finditer(lowered):
        if h.start() < done:
            continue
        m = pattern.search(text, max(done, h.start() - 4), min(len(text), h.end() + 200))
        if m is not None and m.start() <= h.end():
            found.append(m)
            done = m.end()
    return found


def _password_shaped(value: str) -> bool:
    """At least four characters with a digit: "Abc15573!", "123456", "T0k3n#8" — not "2" or "v2"."""
    return len(value) >= 4 and any(c.isdigit() for c in value)


def labelled_values(text: str) -> list[Labelled]:
    """Values the user labelled as a password or a one-time code ("password: …", "2FA code 123456")."""
    found: list[Labelled] = []
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))
    for m in _near_hints(_PASSWORD, _PASSWORD_HINT, text, lowered):
        value = m.group(3)
        cjk = _CJK.search(value)
        if cjk:
            # "重新设置密码：未解决", "密码是6位数字": Chinese glued to the value is prose, not a password;
            # "密码是x1y2,帮我看看": the value ends at the punctuation before the Chinese, and "钱包密码Abc15573!打不开"
            # at the Chinese itself when what comes before it is shaped like a password.
            head = value[: cjk.start()]
            if not head or (head[-1] not in ",;:!?." and not _password_shaped(head)):
                continue
            value = head
        if m.group(2) is not None and not _password_shaped(value.rstrip(".,;:!?")):
            continue  # no colon or verb ("pass 2 documents"): only a password-shaped value counts
        value = value.rstrip(".,;:!?。，；！？")
        if not value:
            continue
        start = m.start(3)
        sentence_verb = bool(m.group(1))
        if sentence_verb and value.isalpha():
            continue  # "the password is wrong": in a sentence only a value with digits or symbols is a password
        end = start + len(value)
        line_end = text.find("\n", end, end + 200)
        rest = text[end : line_end if line_end >= 0 else end + 200]
        plain = value.isalpha()
        # A bare word may be prose ("password: forgotten"), so the user confirms that one; a word that a
        # sentence continues after ("pw: forgotten, that's why I'm writing") is prose outright.
        if plain and _WORDS_AFTER.match(rest):
            continue
        found.append(Labelled("password_line", start, end, plain))
    for m in _near_hints(_TOTP, _TOTP_HINT, text, lowered):
        if _OTHER_LABEL.search(m.group(1)):
            continue
        found.append(Labelled("totp_code", m.start(2), m.end(2), False))
    return found
