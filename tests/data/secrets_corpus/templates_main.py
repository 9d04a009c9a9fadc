"""Template pack for the MAIN corpus.

Every name defined here must also be defined in templates_heldout.py; the two packs are
written independently so that a detector tuned on the main set can be checked against
phrasings it has never seen.  Placeholders look like {name} and are filled by generate.py
(see Public.slot / fill); literal braces are left alone.
"""

# --------------------------------------------------------------------------------------
# Paste shapes: separators and list styles
# --------------------------------------------------------------------------------------
COMMA_SEPS = [", ", ","]
NEWLINE_SEPS = ["\n", "\r\n"]
TAB_SEPS = ["\t"]
CJK_SEPS = ["，", "、"]
BASIC_SEPS = [" ", "\n", ", "]

NUMBER_STYLES = {
    "mn_num_dot": ["{i}. {w}", "{i}.{w}"],
    "mn_num_paren": ["{i}) {w}", "{i}){w}"],
    "mn_num_dash": ["{i}-{w}", "{i} - {w}"],
    "mn_num_suffix": ["{w}({i})", "{w} ({i})"],
    "mn_num_colon": ["{i}:{w}", "{i}: {w}"],
}
NUMBER_JOINERS = ["\n", "\n", " ", "  "]

GRID_CELLS = ["{w}", "{i}. {w}", "{i} {w}"]
GRID_COL_SEPS = ["   ", "\t"]

# (header cells for a "number | word" table)
TABLE_HEADERS = [("#", "Word"), ("No", "word"), ("序号", "单词")]
TABLE_KINDS = ["pairs", "rows"]

MD_BULLETS = ["- ", "* "]
HTML_STYLES = [
    # (start, item, joiner, end)
    ("<ol>", "<li>{w}</li>", "", "</ol>"),
    ("<ol>\n", "  <li>{w}</li>", "\n", "\n</ol>"),
    ("", "{w}<br>", "", ""),
    ("<p>", "{w}", "<br>", "</p>"),
]
JSON_KEYS = [None, None, "words", "mnemonic"]
QUOTE_STYLES = ['"{w}"', "'{w}'", "「{w}」"]
QUOTE_JOINERS = [" ", ", ", "\n"]

SPLIT_LAYOUTS = ["{a}\n{b}", "{a}\n\n{b}", "{a} \n{b}"]

# Phrase embedded in a sentence.  Keyed by language code; other languages use "en".
PHRASE_SENTENCES = {
    "en": [
        "my phrase is {phrase} please help",
        "My recovery phrase is {phrase} - can you restore my wallet?",
        "Hi, these are my 12 words: {phrase}. Why is my balance zero?",
        "I wrote down the words when I created the wallet: {phrase}. When I import them it says invalid.",
        "seed: {phrase}",
        "Please check my wallet, the words are {phrase} thanks",
        "I imported {phrase} into the new phone and the USDT is gone",
    ],
    "zh-CN": [
        "我的助记词是 {phrase} 请帮我看看",
        "助记词：{phrase}，导入以后余额是0",
        "你好，我的钱包助记词是{phrase}，麻烦帮我找回资产",
        "这是我备份的单词 {phrase} 为什么导入提示无效",
        "{phrase}\n这个是我的助记词，币不见了",
    ],
    "zh-TW": [
        "我的助記詞是 {phrase} 請幫我看一下",
        "助記詞：{phrase}，匯入之後餘額變成0",
        "您好，這是我的注記詞 {phrase} 麻煩幫我找回資產",
    ],
    "ja": [
        "復元フレーズは {phrase} です。助けてください",
        "ウォレットの単語：{phrase}",
    ],
    "ko": [
        "제 복구 문구는 {phrase} 입니다 도와주세요",
        "니모닉: {phrase}",
    ],
    "es": [
        "Mi frase de recuperación es {phrase} por favor ayúdenme",
        "Estas son mis palabras: {phrase}",
    ],
    "fr": [
        "Ma phrase de récupération est {phrase} merci de m'aider",
        "Voici mes mots : {phrase}",
    ],
    "it": ["La mia frase di recupero è {phrase} aiutatemi per favore"],
    "pt": ["Minha frase de recuperação é {phrase} me ajudem"],
    "cs": ["Moje obnovovací fráze je {phrase} prosím o pomoc"],
}

# Chinese phrase glued into a Chinese sentence without any keyword: (prefix, suffix)
ZH_GLUE = {
    "zh-CN": [
        ("我换手机以后把", "输进去就没币了"),
        ("昨天在新下载的钱包里填了", "然后余额就变成零了"),
        ("我一直用的是", "这个恢复不了怎么办"),
        ("朋友说输入", "就能领空投，我输了以后币都没了"),
        ("", "这个为什么导入不进去"),
        ("帮我看下", "是不是哪里写错了"),
    ],
    "zh-TW": [
        ("我換手機之後把", "輸進去幣就不見了"),
        ("昨天在新的錢包裡輸入", "結果餘額變成零"),
        ("", "這個為什麼匯入不了"),
    ],
}

# Filler between words.  item uses {i} (1-based), {w} (word) and {ord} (ordinal word)
FILLERS = {
    "en": [
        {"item": "word {i} is {w}", "join": ", ", "pre": "", "post": ""},
        {"item": "{w}", "join": " then ", "pre": "the words are ", "post": ""},
        {"item": "{ord}: {w}", "join": ", ", "pre": "", "post": ""},
        {"item": "the {ord} word is {w}", "join": ", ", "pre": "", "post": "."},
        {"item": "{w}", "join": ", then ", "pre": "", "post": ""},
    ],
    "zh-CN": [
        {"item": "第{i}个是{w}", "join": "，", "pre": "", "post": ""},
        {"item": "{w}", "join": " 然后 ", "pre": "依次是 ", "post": ""},
        {"item": "第{i}个词：{w}", "join": "\n", "pre": "", "post": ""},
    ],
    "zh-TW": [
        {"item": "第{i}個是{w}", "join": "，", "pre": "", "post": ""},
        {"item": "{w}", "join": " 接著 ", "pre": "", "post": ""},
    ],
}
ORDINALS = {
    "en": ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
           "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
           "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
           "twenty-third", "twenty-fourth"],
}

# --------------------------------------------------------------------------------------
# Keys, passwords, codes
# --------------------------------------------------------------------------------------
KEY_LABELS = [
    "Private key: ", "private key = ", "私钥：", "私钥是 ", "my private key ",
    "Exported private key:\n", "私鑰：", "PRIVATE KEY ", "MetaMask private key: ",
    "导出的私钥 ", "Privater Schlüssel: ",
]
KEY_SENTENCES = [
    "I exported the private key from MetaMask: {key} can you check why the balance is 0?",
    "这是我的私钥 {key} 帮我看看币去哪了",
    "Here is my private key so you can check the account: {key}",
    "私钥我发给你们 {key} 尽快处理",
    "請幫我查一下，私鑰是 {key}",
]
KEY_GLUED = ["key{k}", "privkey:{k}", "私钥{k}", "PrivateKey={k}", "priv_key:{k}"]
GROUP_SEPS = [" ", "-", ":"]
# label line, then three lines taken from FAR_FILLER (same language), then the key
FAR_LABELS = {
    "en": ["Private key below (exported from TokenPocket):", "I'm sending the private key as you asked.",
           "Private key for the wallet that lost funds:"],
    "zh": ["私钥在下面：", "下面是导出的私钥", "你们要的私钥我发在最后了"],
}
FAR_FILLER = {
    "en": ["My phone is an iPhone 13, app version 2.9.1.", "The problem started yesterday evening.",
           "I already tried switching the node.", "Balance shows 0 USDT on TRON.",
           "Please handle it as soon as possible.", "I bought the USDT on Binance last week."],
    "zh": ["我用的是安卓手机，版本是最新的。", "昨天晚上开始就这样了。", "节点也切换过了，还是不行。",
           "余额显示是0。", "麻烦尽快处理。", "币是上周从交易所提过来的。"],
}

WIF_CONTEXTS = ["{k}", "WIF: {k}", "私钥(WIF格式)：{k}", "importprivkey {k}",
                "Electrum asked for the private key, I typed {k}", "BTC private key {k}"]
XPRV_CONTEXTS = ["{k}", "master private key: {k}", "Electrum wallet key {k}",
                 "扩展私钥：{k}", "account xprv -> {k}"]
KEYSTORE_CONTEXTS = [
    "{json}",
    "keystore file content:\n{json}",
    "UTC--{date}--{addr}\n{json}",
    "这是我的keystore文件\n{json}\n密码忘了",
    "Here is my keystore JSON: {json}",
]
SOL_B58_CONTEXTS = ["{k}", "Phantom private key: {k}", "Solana 私钥 {k}", "secret key: {k}",
                    "I exported this from Phantom {k} what is wrong"]
SOL_ARRAY_CONTEXTS = ["{arr}", "id.json:\n{arr}", "solana keypair file content {arr}",
                      "这是我的Solana钱包文件内容 {arr}", "const secretKey = Uint8Array.from({arr});"]
SOL_HEX_CONTEXTS = ["{k}", "keypair hex: {k}", "Solana secret key (hex) {k}", "私钥 {k}"]
SEED32_CONTEXTS = [
    "Keypair.fromSeed(Uint8Array.from({arr}))",
    "seed bytes: {arr}",
    "ed25519 seed {arr}",
    "私钥种子 {arr}",
    "my solana seed = {arr}",
]
PASSWORD_TEMPLATES = [
    "密码是{pw}", "password: {pw}", "pw: {pw}", "wallet password is {pw}",
    "支付密码：{pw}", "密碼是{pw}", "我登录不上，密码是{pw}，帮我看看",
    "login: my email / password {pw}", "交易密码 {pw}",
]
TOTP_TEMPLATES = [
    "谷歌验证码 {code}", "2FA code: {code}", "Google Authenticator code {code}",
    "验证码是{code}", "短信验证码：{code}", "my 2fa is {code} now", "谷歌驗證碼：{code}",
]

# --------------------------------------------------------------------------------------
# Disguise wrappers ({x} is the disguised secret)
# --------------------------------------------------------------------------------------
DISGUISE_WRAPPERS = {
    "en": ["{x}", "{x}", "here: {x}", "{x}\nwhy is my balance zero?", "please restore {x}"],
    "zh": ["{x}", "{x}", "帮我看看 {x}", "{x}\n导入不了", "我的是{x}"],
}

# --------------------------------------------------------------------------------------
# Confirm (no label at all)
# --------------------------------------------------------------------------------------
# neutral text around the value, with no word that says what it is (no "hash", "key", "TxID", ...)
CONFIRM_WRAPPERS = ["can you look at this one? {x}", "{x} see above", "这个 {x}", "{x}\n谢谢",
                    "is this right? {x}", "{x} - what is this?", "帮我看看这个 {x}", "copied this: {x}"]

# --------------------------------------------------------------------------------------
# Prose
# --------------------------------------------------------------------------------------
GREETINGS = {
    "en": ["Hi,", "Hello,", "Hello support team,", "Hi there,", "Dear TokenPocket team,", "Good morning,"],
    "zh-CN": ["你好，", "您好，", "客服你好，", "你好客服，", "TP团队你们好，"],
    "zh-TW": ["您好，", "你好，", "客服您好，"],
}
CLOSINGS = {
    "en": ["Thanks.", "Thank you, that will help. Sorry again, have a good day.", "Please help.",
           "Any help is appreciated.", "Looking forward to your reply.", "Thanks in advance!",
           "Regards", "Please advise what I should do next."],
    "zh-CN": ["谢谢！", "麻烦尽快回复，谢谢。", "请帮忙处理一下。", "急，谢谢", "辛苦了"],
    "zh-TW": ["謝謝！", "麻煩盡快回覆，感謝。", "請協助處理，謝謝。"],
}
EXTRAS = {
    "en": [
        "I'm on {os}, {device}, TokenPocket {ver} from the official store.",
        "App version {ver}, {os}.",
        "My address is {evm_addr}.",
        "This happened {time}.",
        "I already restarted the app and switched the node.",
        "My TRON address: {tron_addr}",
    ],
    "zh-CN": [
        "手机是{device}，{os}，TP版本{ver}。",
        "钱包版本{ver}，从官网下载的。",
        "我的地址：{tron_addr}",
        "时间大概是{time}。",
        "已经重启过APP，也换过节点了。",
    ],
    "zh-TW": [
        "手機是{device}，{os}，TP 版本 {ver}。",
        "我的錢包地址：{evm_addr}",
        "時間大約是{time}。",
    ],
}

PROSE = {
    "transfer_failed": {
        "en": [
            "I tried to send {usdt} USDT on TRON to {tron_addr2} and it failed with OUT_OF_ENERGY. TxID: {tron_tx}. I still lost {fee_trx} TRX in fees, why?",
            "My transfer of {eth} ETH failed. Tx hash: {evm_tx}. Etherscan says 'Fail' and the gas was taken.",
            "The swap failed with 'execution reverted'. Here is the link: {evm_link}",
            "Sending USDT (BEP-20) to my friend keeps failing. Transaction: {evm_link} Status shows failed. Amount {usdt} USDT.",
            "I sent {sol} SOL but the app says the transaction failed. Signature on Solscan: {solscan_link}",
        ],
        "zh-CN": [
            "我在波场转{usdt} USDT给{tron_addr2}，提示失败，能量不足。交易哈希：{tron_tx}，手续费还扣了{fee_trx} TRX。",
            "转账失败了，区块浏览器显示Fail，哈希是 {evm_tx}，gas费被扣了，钱没转出去吗？",
            "闪兑一直失败，这是链接 {evm_link} 麻烦看一下是什么原因",
            "BSC上转USDT一直失败，交易链接：{evm_link}，金额{usdt}U",
        ],
        "zh-TW": [
            "我在波場轉 {usdt} USDT 失敗了，顯示 OUT_OF_ENERGY，交易ID：{tron_tx}，手續費還是被扣了。",
            "轉帳失敗，區塊鏈瀏覽器顯示失敗：{evm_link}，請問錢會退回嗎？",
            "用 TP 轉 {eth} ETH 一直失敗，交易哈希 {evm_tx}",
        ],
    },
    "tx_pending": {
        "en": [
            "My ETH transfer has been pending for {hours} hours. Tx hash: {evm_tx}, nonce {nonce}, gas {gwei} gwei.",
            "Transaction stuck as pending since {time}: {etherscan_link}. Can I speed it up?",
            "My BTC transaction is still unconfirmed after {hours} hours. TxID {btc_tx}, fee {satvb} sat/vB. Link: {btc_link}",
            "I clicked speed up but nothing happens, the first transaction {evm_tx} is still pending and the newer ones are queued behind it.",
            "Sent {btc} BTC to {btc_addr} and it shows 0 confirmations. {mempool_link}",
        ],
        "zh-CN": [
            "我的ETH转账一直在打包中，已经{hours}个小时了，交易哈希：{evm_tx}，nonce是{nonce}。",
            "交易一直pending，链接 {etherscan_link}，可以加速吗？",
            "比特币转账{hours}小时了还没有确认，TxID：{btc_tx}，手续费{satvb} sat/vB",
            "点了加速也没反应，后面的交易都卡住了，第一笔是 {evm_tx}",
        ],
        "zh-TW": [
            "我的以太坊轉帳已經 pending {hours} 小時，交易哈希 {evm_tx}，nonce {nonce}。",
            "比特幣交易一直未確認：{btc_link}",
            "轉帳卡在處理中，請問要怎麼加速？Tx：{evm_tx}",
        ],
    },
    "withdrawal_not_arrived": {
        "en": [
            "I withdrew {usdt} USDT from {exchange} to my TokenPocket wallet {tron_addr} {time}. {exchange} shows Completed, withdrawal ID {wd_id}, TxID {tron_tx}, but nothing in the wallet.",
            "Withdrawal from {exchange} (ID {wd_id}) still not arrived after {hours} hours. Network TRC20, address {tron_addr}.",
            "{exchange} says the withdrawal succeeded. Here is the tronscan link: {tronscan_link}. My wallet balance did not change.",
            "I withdrew {eth} ETH via Arbitrum from {exchange}, order {wd_id}. Tx: {evm_link} I can't see it in TP.",
            "Withdrawal of {sol} SOL from {exchange} to {sol_addr} is marked complete. Solscan: {solscan_link}",
        ],
        "zh-CN": [
            "我从{exchange}提了{usdt} USDT到TP钱包，地址{tron_addr}，交易所显示已完成，提币ID {wd_id}，TxID：{tron_tx}，钱包里没有到账。",
            "{exchange}提币{hours}个小时了还没到账，提现单号{wd_id}，网络选的TRC20",
            "交易所显示提币成功，tronscan链接：{tronscan_link}，但是我的钱包余额没变",
            "从{exchange}提ETH到钱包，走的BSC链，交易哈希{evm_tx}，钱包里看不到",
        ],
        "zh-TW": [
            "我從{exchange}提領 {usdt} USDT 到 TP 錢包 {tron_addr}，交易所顯示完成，提領編號 {wd_id}，還沒入帳。",
            "{exchange}提幣已經 {hours} 小時還沒到，TxID：{tron_tx}",
            "交易所說已經出金了，tronscan：{tronscan_link}",
        ],
    },
    "deposit_not_credited": {
        "en": [
            "I sent {usdt} USDT from TokenPocket to my {exchange} deposit address and it's not credited. Tx hash {evm_tx}, BEP-20.",
            "Deposit to {exchange} missing. I forgot the memo. TxID {tron_tx}, amount {trx} TRX, UID {uid}.",
            "My deposit shows success on chain ({tronscan_link}) but {exchange} hasn't credited it after {hours} hours.",
            "Sent BTC to {exchange} deposit address {btc_addr}, TxID {btc_tx}, {n_conf} confirmations, still not credited.",
        ],
        "zh-CN": [
            "从TP转{usdt} USDT到{exchange}充值地址，链上显示成功，但是一直没到账，哈希：{evm_tx}",
            "充值忘记填memo了，TxID {tron_tx}，数量{trx} TRX，UID {uid}，怎么找回？",
            "充币到{exchange}{hours}小时没到账，链接 {tronscan_link}",
        ],
        "zh-TW": [
            "從 TP 轉 {usdt} USDT 到{exchange}入金地址，鏈上成功但沒入帳，交易哈希 {evm_tx}",
            "入金忘了填 memo，TxID {tron_tx}，UID {uid}",
        ],
    },
    "login_failure": {
        "en": [
            "I forgot my wallet password and the app keeps saying wrong password. Is there any way to reset it?",
            "TokenPocket crashes on the splash screen after the update to {ver} on {os}.",
            "Face ID stopped working after I added a new face in settings, now it asks for the password.",
            "The app opens but all my wallets show 0 balance and the node indicator is red.",
            "After updating {os} the app won't open at all. I don't want to reinstall because I'm not sure I have every backup.",
        ],
        "zh-CN": [
            "钱包密码忘记了，一直提示密码错误，有没有办法重置？",
            "更新到{ver}以后一打开就闪退，手机是{device}",
            "指纹解锁突然用不了了，要输入密码，我记不清了",
            "打开APP以后所有资产显示为0，节点是红色的",
            "APP一直卡在启动页面进不去，重装会不会丢币？",
        ],
        "zh-TW": [
            "錢包密碼忘記了，一直顯示密碼錯誤，可以重設嗎？",
            "更新到 {ver} 之後一打開就閃退，手機是 {device}",
            "Face ID 不能用了，要輸入密碼",
        ],
    },
    "lost_phone": {
        "en": [
            "I lost my phone yesterday. The wallet was on it. I have the backup written on paper at home. What should I do first?",
            "My phone was stolen {time}. Can you freeze my wallet {evm_addr}?",
            "I got a new phone and TokenPocket is empty. My old address was {tron_addr}.",
            "My phone fell in water and won't turn on. I never wrote down anything. Is there any way to get my USDT back?",
        ],
        "zh-CN": [
            "手机丢了，钱包在上面，备份写在纸上了，现在应该先做什么？",
            "手机被偷了，能不能帮我冻结钱包地址{evm_addr}？",
            "换了新手机，TP里面什么都没有了，原来的地址是{tron_addr}",
            "手机摔坏了开不了机，当时没有备份，币还能找回来吗",
        ],
        "zh-TW": [
            "手機掉了，錢包在裡面，備份有寫在紙上，現在該怎麼辦？",
            "手機被偷，可以凍結我的錢包 {evm_addr} 嗎？",
            "換新手機之後 TP 是空的，舊地址是 {tron_addr}",
        ],
    },
    "scam_report": {
        "en": [
            "Someone on Telegram ({tg}) said he was TokenPocket support and asked me to 'validate' my wallet on {scam_site}. I never shared my private key, but I'm worried.",
            "I got a call from 'TP support' saying my account will be frozen. Is this real? I did not give them anything.",
            "A guy in the group offered to help with my stuck transfer and sent me an APK. I didn't install it.",
            "I received 0 USDT from an address that looks like mine: {tron_addr2}. Is it a scam?",
            "A 'recovery agent' says he can get my stolen {usdt} USDT back for a 20% fee. Is that legit?",
        ],
        "zh-CN": [
            "有个自称TP客服的人在电报上联系我（{tg}），让我去{scam_site}验证钱包，我没有给他私钥，但是很担心。",
            "有人打电话说是TP客服，说我的钱包涉嫌洗钱要冻结，这是真的吗？",
            "群里有人说可以帮我解决转账问题，发了一个安装包给我，我没装。",
            "收到一笔0 USDT的转账，地址跟我的很像：{tron_addr2}，是诈骗吗？",
            "有人说能帮我追回被盗的{usdt} USDT，要先交20%手续费，可信吗？",
        ],
        "zh-TW": [
            "有人在 LINE 上說他是 TP 客服，要我到 {scam_site} 驗證錢包，我沒有給私鑰。",
            "接到自稱客服的電話說帳號會被凍結，是真的嗎？",
            "收到一筆 0 USDT 轉帳，地址跟我的很像 {tron_addr2}",
        ],
    },
    "approval_drain": {
        "en": [
            "I connected to an airdrop site and signed something. An hour later all my USDT was moved by transferFrom: {evm_link}",
            "My tokens were taken but my ETH is still there. The tx {evm_tx} shows method 'Permit'. Should I revoke?",
            "TRON wallet drained: {tronscan_link}. I approved a contract on a mining DApp last week.",
            "After I claimed a free NFT, {usdt} USDT left my wallet {evm_addr} to {evm_addr2}.",
        ],
        "zh-CN": [
            "我在一个空投网站连接了钱包并签名了，一小时后USDT全部被转走：{evm_link}",
            "授权以后资产全部被转走了怎么办，交易哈希 {evm_tx}",
            "波场钱包被盗，链接 {tronscan_link}，上周在一个挖矿DApp上授权过",
            "领了一个免费的NFT以后，{usdt} USDT从{evm_addr}转到了{evm_addr2}",
        ],
        "zh-TW": [
            "在空投網站連接錢包簽名後，USDT 全被轉走了：{evm_link}",
            "授權之後資產被轉走，交易 {evm_tx}",
            "波場錢包被盜 {tronscan_link}",
        ],
    },
    "wrong_address": {
        "en": [
            "I sent {usdt} USDT to the wrong address. I copied it from my history: {tron_addr2}. Tx: {tron_tx}. Can you reverse it?",
            "I pasted my exchange address but the transfer went to {evm_addr2} instead of {evm_addr}. Clipboard malware? Tx hash {evm_tx}",
            "Wrong network: I sent USDT on BSC to my {exchange} ERC20 address. Tx: {evm_link}",
            "The first and last characters matched so I didn't check the middle. Sent {trx} TRX to {tron_addr2}.",
        ],
        "zh-CN": [
            "转错地址了，从历史记录里复制的地址：{tron_addr2}，TxID：{tron_tx}，能撤回吗？",
            "我粘贴的是交易所地址，结果转到了{evm_addr2}，哈希{evm_tx}",
            "链选错了，用BSC转到了{exchange}的ERC20地址：{evm_link}",
            "地址前后几位都一样，我没仔细看中间，转了{trx} TRX到{tron_addr2}",
        ],
        "zh-TW": [
            "轉錯地址了，從歷史紀錄複製的：{tron_addr2}，交易ID {tron_tx}",
            "選錯鏈了，用 BSC 轉到{exchange}的 ERC20 地址：{evm_link}",
        ],
    },
    "secret_mention": {
        "en": [
            "Your 'support' agent asked for my recovery phrase. I did not give it. Is that normal?",
            "I never shared my private key or seed phrase with anyone, so how did this happen?",
            "Do I need to send my password or 2FA code for you to check the withdrawal? I'd rather not.",
            "I have my 12 words on paper but I don't know which wallet they belong to.",
            "Should I export the private key to import into another wallet? Is that safe?",
            "The website asked me to enter my seed phrase to 'sync'. I closed it.",
        ],
        "zh-CN": [
            "客服让我提供助记词，我没有给",
            "我从来没有把私钥和助记词告诉过任何人，为什么币还是被转走了？",
            "助记词我抄在纸上了，但是不知道是哪个钱包的",
            "有网站让我输入助记词同步钱包，我没输，直接关掉了",
            "需要我提供密码或者谷歌验证码吗？我觉得不太安全",
            "导出私钥导入到别的钱包安全吗？",
        ],
        "zh-TW": [
            "客服叫我提供助記詞，我沒有給",
            "我從來沒有把私鑰給過別人，為什麼資產被轉走？",
            "網站要我輸入助記詞，我沒有輸入",
        ],
    },
    "steps_list": {
        "en": [
            "What I did:\n1. Opened TokenPocket\n2. Tapped Transfer on my USDT (TRC20)\n3. Pasted {tron_addr2}\n4. Entered {usdt} and confirmed\n5. It said failed",
            "Steps so far: restarted the phone, switched node, updated to {ver}, still pending. Tx: {evm_tx}",
            "1) Withdrew from {exchange}\n2) Waited {hours} hours\n3) Checked Tronscan: {tronscan_link}\n4) Still nothing in TP",
        ],
        "zh-CN": [
            "我的操作：\n1. 打开TP钱包\n2. 点转账\n3. 粘贴地址{tron_addr2}\n4. 输入{usdt}确认\n5. 提示失败",
            "已经试过：重启手机、切换节点、更新到{ver}，还是不行。哈希：{evm_tx}",
            "1）从{exchange}提币\n2）等了{hours}小时\n3）tronscan查了：{tronscan_link}\n4）钱包里还是没有",
        ],
        "zh-TW": [
            "我的步驟：\n1. 打開 TP\n2. 點轉帳\n3. 貼上地址 {tron_addr2}\n4. 輸入金額確認\n5. 顯示失敗",
            "試過重開手機、換節點、更新到 {ver}，都沒用。",
        ],
    },
}

# Numbered lists of ordinary words / short items (kept below 9 items)
LIST_INTROS = {
    "en": ["Things I already checked:", "What I tried:", "Checklist:", "I double-checked these:"],
    "zh-CN": ["我检查过的：", "已经试过：", "情况如下："],
    "zh-TW": ["我檢查過的：", "已經試過："],
}
LIST_ITEMS = {
    "en": ["network", "balance", "address", "token contract", "fee", "time zone", "app version",
           "internet", "phone storage", "node", "account", "order history", "spam folder"],
    "zh-CN": ["网络", "余额", "地址", "合约地址", "手续费", "节点", "版本", "手机存储", "交易记录",
              "充值记录", "提币记录"],
    "zh-TW": ["網路", "餘額", "地址", "合約地址", "手續費", "節點", "版本", "交易紀錄"],
}
LIST_NUMBERING = {"en": ["{i}. {x}", "{i}) {x}"], "zh-CN": ["{i}. {x}", "{i}、{x}"], "zh-TW": ["{i}. {x}", "{i}、{x}"]}

# Natural sentences heavy in BIP39 English words.  A frame is (text, {slot: alternatives});
# generate.py expands it and keeps only results whose longest wordlist run is 8-11 words.
HEAVY_EN_FRAMES = [
    ("Thank you, that will help. Sorry again, have a good day.", {}),
    ("{thanks}, that will help. Sorry again, have a good {tod}.",
     {"thanks": ["Okay thank you", "Great, thank you", "Thank you"], "tod": ["day", "night", "weekend"]}),
    ("{greet}, please check {det} {noun} again {when}, thank you.",
     {"greet": ["Hello", "Good morning", "Hello again"], "det": ["this", "that"],
      "noun": ["order", "account", "address", "transfer", "deposit"], "when": ["today", "tomorrow", "this morning", "soon"]}),
    ("Okay, I will wait until {when}, then check {det} {noun} again.",
     {"when": ["tomorrow", "tomorrow morning", "next month"], "det": ["this", "that"], "noun": ["account", "balance", "address"]}),
    ("Sorry, wrong {noun}, please {fix} {det} transfer {when}.",
     {"noun": ["address", "network", "token"], "fix": ["cancel", "check", "verify"], "det": ["that", "this"],
      "when": ["right now", "today", "soon"]}),
    ("Thank you again, {det} {noun} will arrive {when}, right?",
     {"det": ["that", "this"], "noun": ["transfer", "deposit", "token"], "when": ["soon", "today", "tomorrow"]}),
    ("Please call {when} because {det} phone number will change soon.",
     {"when": ["tomorrow", "today", "tonight"], "det": ["this", "that"]}),
    ("{greet}, can you tell when {det} {noun} will arrive?",
     {"greet": ["Hello", "Hello again", "Sorry"], "det": ["this", "that"], "noun": ["deposit", "transfer", "coin", "token"]}),
    ("Sure, you can call any time {when}, thank you.", {"when": ["tomorrow", "today", "after lunch"]}),
    ("Please confirm when {det} {noun} will arrive, thank you.",
     {"det": ["this", "that"], "noun": ["deposit", "transfer", "token", "order"]}),
]

# Chinese lines made of everyday characters that are (almost) all in the Chinese wordlists.
HEAVY_ZH_FRAMES = {
    "zh-CN": [
        ("我的钱包地址里面的币不见了", {}),
        ("授权以后资产全部被转走了怎么办", {}),
        ("这个问题已经好几天了还是没有解决", {}),
        ("{subj}钱包{time}{adv}{verb}", {"subj": ["我的", "我朋友的", "我妈的"], "time": ["昨天", "今天早上", "前几天", "刚才"],
                                        "adv": ["突然", "一直", "还是"], "verb": ["显示余额为零", "转账失败", "打不开", "没有到账"]}),
        ("{time}转出去的{coin}对方说{neg}收到", {"time": ["昨天", "刚才", "上个月"], "coin": ["币", "钱"], "neg": ["没有", "还没"]}),
        ("为什么{subj}余额{adv}显示为零", {"subj": ["我的", "我这个"], "adv": ["一直", "突然", "还是"]}),
        ("你们能不能帮我查一下{what}", {"what": ["是什么原因", "钱去哪了", "什么时候能到", "是哪里出了问题"]}),
        ("我在交易所提了{n}次都没有到", {"n": ["好几", "两", "三"]}),
    ],
    "zh-TW": [
        ("我的錢包地址裡面的幣不見了", {}),
        ("{subj}錢包{time}{adv}{verb}", {"subj": ["我的", "我朋友的"], "time": ["昨天", "今天早上", "剛才"],
                                        "adv": ["突然", "一直"], "verb": ["顯示餘額為零", "轉帳失敗", "打不開"]}),
        ("為什麼我的餘額{adv}顯示為零", {"adv": ["一直", "突然", "還是"]}),
        ("你們可以幫我查一下{what}嗎", {"what": ["是什麼原因", "錢去哪了", "什麼時候會到"]}),
    ],
}

# Hard but allowed ------------------------------------------------------------------------
# (a) 12+ consecutive English wordlist words in a natural sentence.
HARD_EN_RUNS = [
    "Good morning, please check this order again, because that token transfer still will not show up.",
    "Sorry, can you check again tomorrow morning because this token transfer still shows an error?",
    "Hello team, please help, this account balance will never update since this morning.",
    "Okay thank you, will wait until tomorrow morning, then check again, have a good day.",
    "Please tell that team this address will receive more token transfer today, sorry.",
    "Thank you, please call again tomorrow morning because that phone number will change soon.",
    "Sorry, please check again because that coin transfer will never arrive, thank you.",
    "Okay sorry, will check balance again tomorrow morning before lunch, thank you.",
    "Hello again, sorry, please check again when you have time today, thank you.",
    "Thank you, please also check that second account, same problem since this morning.",
    "Still wrong balance, please check again today because this token transfer never showed up.",
    "Sorry, wrong address, please cancel that transfer right now because that person will never return it.",
    "Hello, this phone number will change soon, please update that account, thank you.",
    "Good morning, please check that order again, because this token transfer still will not show up.",
]
# (a2) natural sentences whose wordlist run happens to contain a 12-word window that passes the
# BIP39 checksum (found by trying small wording variants).  Still ordinary prose: label allow.
HARD_EN_CHECKSUM_VALID = [
    "Thank you, please check again when you have time because that transfer still will not arrive.",
    "Hello again, sorry, please check again when you have time this morning, thank you.",
    "Okay sorry, will check this address again tomorrow morning before lunch, thank you.",
    "Thank you, please call again tomorrow night because that phone number will change soon.",
]
# (b) secret keyword right next to a long run of wordlist characters/words, no secret present.
HARD_KEYWORD_CONTEXT = [
    "我的助记词一直都在纸上没有给过任何人为什么币还是被转走了",
    "客服让我提供助记词我没有给他然后他就不回复了",
    "私钥我从来没有发给别人也没有截图过",
    "助记词是我自己手写的，一共十二个字，放在家里",
    "我的助記詞一直放在家裡沒有給過任何人",
    "My recovery phrase is safe, I never typed it into any website.",
    "The seed phrase: never shared, never photographed, only on paper at home.",
    "private key - I have never exported it, not even once.",
    "我的私钥：没有泄露，只在这台手机上用过",
    "助记词：在纸上，没有拍照，也没有存在云端",
]
# (c) password wording that is not a password.
HARD_PASSWORD_WORDING = [
    "密码是对的，但是一直提示密码错误",
    "My password is correct but the app says wrong password.",
    "password: I don't remember it anymore",
    "支付密码是6位数字，我试了很多次都不对",
    "密碼是我自己設的，現在忘記了",
    "The password is the same one I use for my email, I think, but it fails.",
    "pw: forgotten, that's why I'm writing",
    "密码：忘记了，能重置吗",
]
# (d) code / number wording that is not a 2FA code.
HARD_CODE_NUMBER = [
    "谷歌验证码一直收不到，工单号 {ticket6}",
    "2FA code never arrives by SMS. My ticket number is {ticket6}.",
    "验证码错误，错误代码 {err6}，订单号 {order}",
    "Authenticator code rejected, error {err6}, app version {ver}.",
    "短信验证码收不到，我的UID是{uid}",
    "The verification code email never came, case #{ticket6}.",
]
