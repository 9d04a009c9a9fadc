"""Held-out evaluation of the picture check: screens drawn in styles the tests never use, read by the real engine.

Run: python scripts/eval_ocr.py [--phrases 40] [--public 30] [--seed 2026] [--save FOLDER]
Phrase screens vary the font (sans, serif, CJK sans and serif), size, layout (one column, 2/3/4-column grids
filled row by row, words in running lines), numbering ("01", "#1", "1)", "1、", none), heading, wordlist (English,
Chinese simplified and traditional, Spanish, French, Italian, Czech, Portuguese), theme and noise (blur, turn,
JPEG, moire, downscale). Public screens: transaction lists, withdrawal records, error dialogs, chats and
articles full of everyday English, settings menus, token price lists. Prints the refusal rate of each group
(goal: at least 8 in 10 phrase screens refused, no public screen refused) and every miss. Japanese and Korean
phrase screens are counted apart: the bundled model does not read kana or Hangul.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.vision.check import PictureState, check_picture  # noqa: E402
from tests.vision import screens as s  # noqa: E402

FONTS = {
    "sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "condensed": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    "noto-cjk": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "noto-serif-cjk": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
}
CJK_FONTS = ("noto-cjk", "noto-serif-cjk")
LISTS = ("english", "english", "english", "chinese_simplified", "chinese_simplified", "chinese_traditional", "spanish",
         "french", "italian", "czech", "portuguese")
NUMBERING = ("{n:02d}", "#{n}", "{n})", "{n}、", "{n} ", "")
HEADINGS = ("Your Secret Recovery Phrase", "Seed phrase", "Write these down", "", "助记词备份", "请抄写助记词",
            "Recovery words", "Mnemonic")
THEMES = (("#fafafa", "#222222", "#e9ecef"), ("#0b0e11", "#eaecef", "#1e2329"), ("#fff8e7", "#3b2f1e", "#f1e3c6"),
          ("#1a1f36", "#ffffff", "#2a3152"))


def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def phrase_screen(rng: random.Random, lang: str) -> tuple[Image.Image, str]:
    count = rng.choice((12, 12, 12, 15, 18, 24))
    words = s.phrase_words(lang, count, rng.randrange(1 << 30))
    cjk = lang.startswith("chinese") or lang in ("japanese", "korean")
    face = rng.choice(CJK_FONTS) if cjk or rng.random() < 0.3 else rng.choice(("sans", "serif", "condensed"))
    size = rng.randint(24, 40) if not cjk else rng.randint(30, 48)
    bg, fg, chip = rng.choice(THEMES)
    w, h = rng.choice(((720, 1280), (750, 1334), (1080, 2160)))
    scale = w / 720
    img = Image.new("RGB", (w, h), bg)
    draw = ImageDraw.Draw(img)
    f = font(FONTS[face], int(size * scale))
    small = font(FONTS[face], int(size * 0.7 * scale))
    heading = rng.choice(HEADINGS)
    y = int(120 * scale)
    if heading:
        draw.text((int(40 * scale), y), heading, font=font(FONTS["noto-cjk"], int(36 * scale)), fill=fg)
        y += int(100 * scale)
    numbering = rng.choice(NUMBERING)
    layout = rng.choice(("column", "grid2", "grid3", "grid4", "lines"))
    columns = {"column": 1, "grid2": 2, "grid3": 3, "grid4": 4}.get(layout, 0)
    if count > 12 and columns == 1:
        columns = 2
    labels = [(numbering.format(n=i + 1) if numbering else "", word) for i, word in enumerate(words)]
    if layout == "lines":  # "1 word 2 word 3 word" in running lines, as some wallets show on one card
        line, x = [], int(40 * scale)
        text_lines, current = [], ""
        for number, word in labels:
            piece = f"{number}{' ' if number and not number.endswith(' ') else ''}{word}"
            trial = f"{current}   {piece}" if current else piece
            if draw.textlength(trial, font=f) > w - 80 * scale and current:
                text_lines.append(current)
                current = piece
            else:
                current = trial
        text_lines.append(current)
        for text in text_lines:
            draw.text((x, y), text, font=f, fill=fg)
            y += int(f.size * 1.9)
        del line
    else:
        cell_w = (w - int(80 * scale)) // columns
        cell_h = int(f.size * 2.1)
        chips = rng.random() < 0.6
        for i, (number, word) in enumerate(labels):
            r, c = divmod(i, columns)  # filled row by row (the tests' screens go down each column)
            x0, y0 = int(40 * scale) + c * cell_w, y + r * (cell_h + int(10 * scale))
            if chips:
                draw.rectangle((x0 + 4, y0, x0 + cell_w - 8, y0 + cell_h), fill=chip, outline=fg if rng.random() < 0.3 else None)
            tx = x0 + int(14 * scale)
            if number:
                draw.text((tx, y0 + cell_h // 2), number, font=small, fill=fg, anchor="lm")
                tx += int(draw.textlength(number + " ", font=small)) + int(6 * scale)
            draw.text((tx, y0 + cell_h // 2), word, font=f, fill=fg, anchor="lm")
    style = f"{lang} {count}w {layout} {face} {size}px numbering={numbering!r} heading={heading!r}"
    return noisy(rng, img, style)


def noisy(rng: random.Random, img: Image.Image, style: str) -> tuple[Image.Image, str]:
    kind = rng.choice(("clean", "clean", "jpeg", "photo", "blur", "small"))
    if kind == "jpeg":
        img = Image.open(s.io.BytesIO(s.png(img, jpeg=rng.randint(30, 60))))
    elif kind == "photo":
        img = s.photographed(img, rng.randrange(1000), blur=rng.uniform(0.6, 1.4), angle=rng.uniform(1, 4),
                             quality=rng.randint(35, 70), moire=rng.random() < 0.6)
    elif kind == "blur":
        img = img.filter(s.ImageFilter.GaussianBlur(rng.uniform(0.8, 1.5)))
    elif kind == "small":
        img = img.resize((img.width * 2 // 3, img.height * 2 // 3), Image.Resampling.BILINEAR)
    return img, f"{style} noise={kind}"


def public_screen(rng: random.Random) -> tuple[Image.Image, str]:
    kind = rng.choice(("txlist", "record", "error", "chat", "article", "settings", "prices"))
    face = rng.choice(("noto-cjk", "sans", "serif"))
    bg, fg, chip = rng.choice(THEMES)
    img = Image.new("RGB", (720, 1280), bg)
    draw = ImageDraw.Draw(img)
    f = font(FONTS[face if face != "serif" else "noto-serif-cjk"], rng.randint(22, 30))
    y = 100
    t = s.transfer(rng.randrange(10_000), rng.choice(("tron", "evm")))
    if kind == "txlist":
        rows = [("Send", "-120 USDT", "Confirmed"), ("Receive", "+0.5 ETH", "Confirmed"), ("Swap", "USDT → ETH", "Failed"),
                ("Approve", "USDT", "Pending"), ("Send", "-20 TRX", "Success"), ("Receive", "+1,000 USDT", "Complete")]
        lines = [" ".join(r) for r in rows * 2] + [f"Hash {t.tx_hash[:18]}…", f"To {t.recipient[:12]}…"]
    elif kind == "record":
        lines = ["提币记录", "全部  充值  提币", "USDT  已完成", t.time, f"数量 {t.amount}", f"地址 {t.recipient}",
                 "TxID", t.tx_hash[:32], t.tx_hash[32:], "手续费 1 USDT", "网络 TRC20", "BTC  处理中", "2024-06-01 08:00"]
    elif kind == "error":
        lines = ["Something went wrong", "Error code: 40012", "The network is busy. Your transaction was not sent.",
                 "Please check your balance and the gas fee, then try again.", "交易失败，请稍后重试", "Retry", "Cancel",
                 "Contact support", "Copy error details"]
    elif kind == "chat":
        lines = ["Support", "Hi, my deposit has not arrived yet after two hours.", "Which network did you use?",
                 "TRON. I can share the transaction hash.", "Great, please also tell us the amount and time.",
                 "It was about 300 USDT at noon today.", "Thank you, we will check and reply soon.",
                 "好的，谢谢你们的帮助", "Never share your recovery phrase with anyone, including us."]
    elif kind == "article":
        lines = ["How to keep your wallet safe", "A simple guide for every user", "Always check the address before",
                 "you send any amount. Scammers copy real websites and", "ask you to confirm a fake transfer. Real",
                 "support will never ask for your secret words.", "Keep your phone updated and use a strong",
                 "password. Enable two factor security on the", "exchange account and review your devices."]
    elif kind == "settings":
        lines = ["Settings", "Wallet", "Security", "Network", "Language", "Currency", "Notifications", "Address book",
                 "Help center", "About", "Version 2.9.1", "Log out"]
    else:
        lines = ["Market", "Bitcoin BTC 67,210.5 +2.1%", "Ethereum ETH 3,410.2 -0.4%", "Tether USDT 1.00 0.0%",
                 "BNB 590.1 +1.2%", "Solana SOL 148.3 +4.8%", "TRON TRX 0.121 +0.3%", "Dogecoin DOGE 0.16 -2.0%",
                 "Toncoin TON 7.2 +0.9%", "Cardano ADA 0.45 -1.1%"]
    for line in lines:
        draw.text((40, y), line, font=f, fill=fg)
        y += int(f.size * 2)
    return noisy(rng, img, f"public {kind} {face}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phrases", type=int, default=40)
    parser.add_argument("--public", type=int, default=30)
    parser.add_argument("--asian", type=int, default=4, help="Japanese and Korean phrase screens, counted apart")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--save", type=Path, help="also write every screen here (PNG) to look at")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    groups: dict[str, list[tuple[Image.Image, str]]] = {
        "phrase": [phrase_screen(rng, rng.choice(LISTS)) for _ in range(args.phrases)],
        "public": [public_screen(rng) for _ in range(args.public)],
        "japanese/korean phrase": [phrase_screen(rng, rng.choice(("japanese", "korean"))) for _ in range(args.asian)],
    }
    start = time.perf_counter()
    for group, items in groups.items():
        refused, misses = 0, []
        for i, (img, style) in enumerate(items):
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                img.save(args.save / f"{group.split()[0].replace('/', '-')}-{i:03d}.png")
            result = check_picture(s.png(img))
            if result.state is PictureState.UNCHECKED:
                print(f"unchecked ({result.detail}): {style}")
            refused += result.refused
            if result.refused != (group != "public"):
                misses.append(f"  {'refused' if result.refused else 'passed'}: {style} {result.detail}")
        print(f"{group}: {refused}/{len(items)} refused ({100 * refused / max(1, len(items)):.0f} %)")
        print("\n".join(misses))
    print(f"{sum(len(v) for v in groups.values())} screens in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
