"""Phone-like screenshots drawn with Pillow at test time: recovery-phrase backup pages and public screens.

Every picture is built from a seed, so a failing case can be drawn again. `Style` holds what varies between
apps (font, size, theme, columns, numbering); `photographed` adds what a photo of a screen adds (blur, a slight
turn, JPEG, moire). The held-out evaluation (scripts/eval_ocr.py) draws with styles the tests never use.
"""
from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, replace

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
CJK = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
CJK_NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
WIDTH, HEIGHT = 720, 1280


@dataclass(frozen=True)
class Style:
    font: str = CJK  # draws Latin and Chinese alike
    size: int = 30
    dark: bool = False
    columns: int = 2
    numbering: str = "{n}."  # "{n}", "{n:02d}", "#{n}", "{n})"; "" for no numbers
    number_glued: bool = False  # "1abandon" instead of "1. abandon"
    boxed: bool = True  # each word on a rounded chip
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def colours(self) -> tuple[str, str, str, str]:
        """background, text, muted text, chip"""
        if self.dark:
            return "#121418", "#f2f2f2", "#8a8f98", "#23262d"
        return "#ffffff", "#15171a", "#7b8088", "#f1f3f6"


def phrase_words(language: str, count: int, seed: int) -> list[str]:
    from mnemonic import Mnemonic

    entropy = random.Random(seed).randbytes(count * 11 // 33 * 4)
    return Mnemonic(language).to_mnemonic(entropy).replace("\u3000", " ").split(" ")


def _font(style: Style, size: int | None = None, bold: bool = False) -> ImageFont.FreeTypeFont:
    path = style.font
    if bold and style.font == SANS:
        path = SANS_BOLD
    return ImageFont.truetype(path, size or style.size)


def _canvas(style: Style) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGB", (style.width, style.height), style.colours[0])
    draw = ImageDraw.Draw(img)
    small = _font(style, 22)
    draw.text((28, 14), "9:41", font=small, fill=style.colours[1])
    draw.text((style.width - 110, 14), "5G 87%", font=small, fill=style.colours[1])
    return img, draw


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    pieces = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    for piece in pieces:
        trial = current + joiner + piece if current else piece
        if draw.textlength(trial, font=font) > width and current:
            lines.append(current)
            current = piece
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _paragraph(draw, text, font, fill, x, y, width, gap=10) -> int:
    for line in _wrap(draw, text, font, width):
        draw.text((x, y), line, font=font, fill=fill)
        y += font.size + gap
    return y


PHRASE_TEXTS = {
    "en": ("Back up your recovery phrase", "Write down these words in the right order and keep them somewhere safe. "
           "Never share them with anyone.", "I've written it down"),
    "zh": ("备份助记词", "请按顺序抄写下面的助记词，并妥善保管。不要截图，不要分享给任何人。", "我已备份"),
}


def phrase_page(words: list[str], style: Style = Style(), texts: str = "en") -> Image.Image:
    """A wallet's backup page: title, warning, the words in a numbered grid, a button."""
    img, draw = _canvas(style)
    bg, fg, muted, chip = style.colours
    title, note, button = PHRASE_TEXTS[texts]
    y = _paragraph(draw, title, _font(style, style.size + 8, bold=True), fg, 40, 90, style.width - 80)
    y = _paragraph(draw, note, _font(style, 24), muted, 40, y + 20, style.width - 80) + 40
    cols = style.columns
    cell_w = (style.width - 80 - (cols - 1) * 20) // cols
    cell_h = style.size + 40
    rows = math.ceil(len(words) / cols)
    font = _font(style)
    for i, word in enumerate(words):
        r, c = i % rows, i // rows  # numbered down each column, as most wallets do
        x0, y0 = 40 + c * (cell_w + 20), y + r * (cell_h + 14)
        if style.boxed:
            draw.rounded_rectangle((x0, y0, x0 + cell_w, y0 + cell_h), radius=12, fill=chip)
        number = style.numbering.format(n=i + 1) if style.numbering else ""
        if style.number_glued:
            draw.text((x0 + 16, y0 + 18), number + word, font=font, fill=fg)
        else:
            if number:
                draw.text((x0 + 16, y0 + 18), number, font=_font(style, style.size - 6), fill=muted)
            draw.text((x0 + 16 + (int(style.size * 1.6) if number else 0), y0 + 18), word, font=font, fill=fg)
    by = y + rows * (cell_h + 14) + 50
    draw.rounded_rectangle((40, by, style.width - 40, by + 80), radius=40, fill="#2f6fed")
    draw.text((style.width // 2, by + 40), button, font=_font(style, 28), fill="#ffffff", anchor="mm")
    return img


def _rows(draw, style: Style, rows: list[tuple[str, str]], y: int, value_width: int = 400) -> int:
    fg, muted = style.colours[1], style.colours[2]
    font = _font(style, 26)
    for label, value in rows:
        draw.text((40, y), label, font=font, fill=muted)
        lines = _wrap(draw, value, font, value_width) if len(value) < 40 else \
            [value[i:i + 22] for i in range(0, len(value), 22)]
        for line in lines:
            draw.text((style.width - 40, y), line, font=font, fill=fg, anchor="ra")
            y += 38
        y += 26
    return y


@dataclass(frozen=True)
class Transfer:
    tx_hash: str
    sender: str
    recipient: str
    amount: str
    network: str
    time: str


def tron_address(seed: int) -> str:
    from embit.base58 import encode_check

    return encode_check(b"\x41" + random.Random(seed).randbytes(20))


def evm_address(seed: int) -> str:
    from assistant.validation.chains import to_checksum_address

    return to_checksum_address("0x" + random.Random(seed).randbytes(20).hex())


def transfer(seed: int, chain: str = "tron") -> Transfer:
    rng = random.Random(seed)
    tx = rng.randbytes(32).hex()
    if chain == "tron":
        return Transfer(tx, tron_address(seed + 1), tron_address(seed + 2), f"{rng.randint(10, 5000)}.5 USDT",
                        "TRON (TRC20)", "2024-05-12 14:33:08")
    return Transfer("0x" + tx, evm_address(seed + 1), evm_address(seed + 2), f"{rng.randint(1, 90)}.25 USDT",
                    "Ethereum (ERC20)", "2024-06-03 09:15:42")


def tx_details(t: Transfer, style: Style = Style(), chinese: bool = True) -> Image.Image:
    """A wallet's transaction details page: status, amount, then label/value rows with a wrapped hash."""
    img, draw = _canvas(style)
    fg = style.colours[1]
    draw.text((style.width // 2, 100), "交易详情" if chinese else "Transaction Details", font=_font(style, 34),
              fill=fg, anchor="mm")
    draw.text((style.width // 2, 200), "-" + t.amount, font=_font(style, 48), fill=fg, anchor="mm")
    draw.text((style.width // 2, 260), "成功" if chinese else "Success", font=_font(style, 26), fill="#19a05a", anchor="mm")
    labels = ("金额", "网络", "发送方", "接收方", "交易哈希", "时间", "矿工费") if chinese else \
        ("Amount", "Network", "From", "To", "Tx Hash", "Time", "Network fee")
    values = (t.amount, t.network, t.sender, t.recipient, t.tx_hash, t.time, "1.1 TRX" if "TRON" in t.network else "0.0004 ETH")
    _rows(draw, style, list(zip(labels, values, strict=True)), 330)
    return img


def withdrawal_record(t: Transfer, style: Style = Style()) -> Image.Image:
    """An exchange's withdrawal record: coin, status, amount, address and TxID with a copy hint."""
    img, draw = _canvas(style)
    fg = style.colours[1]
    draw.text((40, 80), "提币详情", font=_font(style, 34), fill=fg)
    rows = [("币种", "USDT"), ("状态", "已完成"), ("数量", t.amount.split()[0]), ("网络", t.network),
            ("提币地址", t.recipient), ("TxID", t.tx_hash), ("手续费", "1 USDT"), ("时间", t.time)]
    _rows(draw, style, rows, 170)
    return img


def error_screen(style: Style = Style()) -> Image.Image:
    img, draw = _canvas(style)
    fg, muted = style.colours[1], style.colours[2]
    y = _paragraph(draw, "Transaction failed", _font(style, 36), fg, 40, 160, style.width - 80)
    text = ("Error: insufficient funds for gas * price + value. Your balance is not enough to pay the network fee. "
            "Please add some ETH to this account and try again later.")
    y = _paragraph(draw, text, _font(style, 26), muted, 40, y + 30, style.width - 80)
    _paragraph(draw, "交易失败：余额不足以支付矿工费，请充值后重试。错误代码 -32000", _font(style, 26), muted, 40, y + 30,
               style.width - 80)
    return img


def chat(style: Style = Style()) -> Image.Image:
    """A support chat: prose bubbles in Chinese and English, some of them full of ordinary list words."""
    img, draw = _canvas(style)
    fg, chip = style.colours[1], style.colours[3]
    bubbles = [
        "你好，我昨天转了 200 USDT 到交易所，但是一直没有到账，请帮我查一下。",
        "Hello! Please send the transaction hash and the network you used, we will check it for you.",
        "I sent it on the TRON network about two hours ago and the wallet says it is confirmed.",
        "Thank you. Our team will review your case and reply by email within one day.",
        "好的，谢谢，我等你们的邮件。",
    ]
    y = 100
    for i, text in enumerate(bubbles):
        lines = _wrap(draw, text, _font(style, 26), style.width - 220)
        h = len(lines) * 36 + 24
        x = 40 if i % 2 else 140
        draw.rounded_rectangle((x, y, x + style.width - 180, y + h), radius=18, fill=chip if i % 2 else "#2f6fed")
        _paragraph(draw, text, _font(style, 26), fg if i % 2 else "#ffffff", x + 18, y + 12, style.width - 220, gap=10)
        y += h + 30
    return img


def photographed(img: Image.Image, seed: int, *, blur: float = 1.1, angle: float = 2.5, quality: int = 45,
                 moire: bool = True) -> Image.Image:
    """What a phone camera does to a screen: moire, a slight turn, blur, scaling and JPEG."""
    rng = random.Random(seed)
    out = img.convert("RGB")
    if moire:
        w, h = out.size
        stripes = Image.new("L", (w, h))
        period, tilt = 5.0 + rng.random() * 2, 0.2 + rng.random() * 0.3
        stripes.putdata([int(128 + 127 * math.sin((x + y * tilt) / period)) for y in range(h) for x in range(w)])
        shade = Image.new("RGB", (w, h), (128, 128, 128))
        out = Image.composite(shade, out, stripes.point(lambda v: v // 10))
    bg = out.getpixel((2, 2))
    out = out.rotate(angle * (1 if rng.random() < 0.5 else -1), resample=Image.Resampling.BICUBIC, expand=True,
                     fillcolor=bg)
    out = out.filter(ImageFilter.GaussianBlur(blur))
    out = out.resize((int(out.width * 0.9), int(out.height * 0.9)), Image.Resampling.BILINEAR)
    return Image.open(io.BytesIO(png(out, jpeg=quality)))


def png(img: Image.Image, jpeg: int = 0) -> bytes:
    out = io.BytesIO()
    if jpeg:
        img.convert("RGB").save(out, "JPEG", quality=jpeg)
    else:
        img.save(out, "PNG")
    return out.getvalue()


def dark(style: Style) -> Style:
    return replace(style, dark=True)


def key_page(key: str, style: Style = Style(), chinese: bool = False) -> Image.Image:
    """A wallet's export-private-key page: the key wrapped in a box under a warning."""
    img, draw = _canvas(style)
    fg, muted, chip = style.colours[1], style.colours[2], style.colours[3]
    title = "导出私钥" if chinese else "Export Private Key"
    note = "私钥等同于资产所有权，切勿泄露给任何人。" if chinese else "Anyone with this key can take your funds. Never share it."
    y = _paragraph(draw, title, _font(style, 38), fg, 40, 100, style.width - 80)
    y = _paragraph(draw, note, _font(style, 24), muted, 40, y + 20, style.width - 80) + 30
    draw.rounded_rectangle((40, y, style.width - 40, y + 190), radius=16, fill=chip)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 30)
    for i in range(0, len(key), 24):
        draw.text((70, y + 30 + (i // 24) * 46), key[i:i + 24], font=font, fill=fg)
    return img
