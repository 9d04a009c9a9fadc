"""Phrase pictures are refused from the text OCR reads, slips included; public screens with a few list words pass.

These tests give the judge readings as the engine returns them (lines with boxes), so every OCR slip can be
tried exactly; tests/vision/test_pictures.py reads drawn pictures with the real engine.
"""
import random

from mnemonic import Mnemonic

from assistant.vision.engine import Line
from assistant.vision.phrase import judge, match


def words(lang: str, n: int = 12, seed: int = 1) -> list[str]:
    entropy = random.Random(seed).randbytes(n * 11 // 33 * 4)
    return Mnemonic(lang).to_mnemonic(entropy).replace("\u3000", " ").split(" ")


def grid(cells: list[str], columns: int = 2, shuffle: int | None = None) -> list[Line]:
    """One OCR line per cell, laid out in a grid of `columns`, in the order the engine happened to return them."""
    rows = (len(cells) + columns - 1) // columns
    lines = [Line(text, (40 + (i // rows) * 340, 300 + (i % rows) * 80, 300 + (i // rows) * 340, 336 + (i % rows) * 80), 0.95)
             for i, text in enumerate(cells)]
    if shuffle is not None:
        random.Random(shuffle).shuffle(lines)
    return lines


def heading(*texts: str) -> list[Line]:
    """Lines of text one under another, each box as wide as its text (a CJK character is about as wide as high)."""
    return [Line(t, (40, 90 + 40 * i, 40 + sum(35 if ord(c) > 0x2e80 else 19 for c in t), 125 + 40 * i), 0.99)
            for i, t in enumerate(texts)]


def misread(word: str, seed: int) -> str:
    """One letter changed, dropped or doubled, as OCR does on a blurred screen."""
    rng = random.Random(seed)
    i = rng.randrange(len(word))
    how = rng.choice(("change", "drop", "double"))
    if how == "change":
        return word[:i] + {"l": "I", "o": "0", "e": "c", "m": "rn"}.get(word[i], "x") + word[i + 1:]
    if how == "drop":
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def test_numbers_glued_to_the_words_in_a_shuffled_grid_are_refused():
    cells = [f"{n}{w}" if n % 2 else f"{n}.{w}" for n, w in enumerate(words("english"), 1)]
    verdict = judge(grid(cells, shuffle=3))
    assert verdict.refused and verdict.kind == "mnemonic"
    assert "english" in verdict.detail and not any(w in verdict.detail for w in words("english"))


def test_three_misread_words_out_of_twelve_still_refuse_the_picture():
    phrase = words("english", seed=7)
    cells = [f"{n}. {misread(w, n) if n in (2, 5, 11) and len(w) >= 5 else w}" for n, w in enumerate(phrase, 1)]
    assert judge(grid(cells, columns=3, shuffle=1)).refused


def test_a_word_split_in_two_and_two_words_read_as_one_still_count():
    phrase = words("english", seed=9)
    cells = [f"{n}. {w}" for n, w in enumerate(phrase, 1)]
    cells[3] = cells[3][:6] + " " + cells[3][6:]  # "4. ab andon"
    cells[6:8] = [cells[6] + cells[7].split(" ")[1]]  # "7. wordword"
    assert judge(grid(cells)).refused


def test_an_unnumbered_grid_of_twelve_words_is_refused():
    assert judge(grid(words("english", seed=4), columns=3)).refused


def test_a_chinese_character_grid_in_any_order_is_refused():
    cells = [f"{n}. {w}" for n, w in enumerate(words("chinese_simplified", seed=5), 1)]
    verdict = judge(heading("备份助记词", "请按顺序抄写下面的助记词") + grid(cells, columns=3, shuffle=2))
    assert verdict.refused and "chinese" in verdict.detail


def test_a_spanish_phrase_with_numbers_read_apart_from_the_words_is_refused():
    lines = []
    for n, w in enumerate(words("spanish", seed=6), 1):
        y = 300 + n * 70
        lines += [Line(f"{n}.", (40, y, 80, y + 30), 0.9), Line(w, (100, y, 260, y + 30), 0.97)]
    assert judge(lines).refused


def test_a_private_key_with_o_for_zero_and_l_for_one_wrapped_over_lines_is_refused():
    key = random.Random(3).randbytes(32).hex().replace("0", "O").replace("1", "l")
    lines = heading("Export private key", "Never share it with anyone") + [
        Line(key[i:i + 22], (60, 300 + 40 * i, 660, 335 + 40 * i), 0.9) for i in range(0, 64, 22)]
    verdict = judge(lines)
    assert verdict.refused and verdict.kind == "private_key_hex"
    assert key[:10] not in verdict.detail


def test_a_tx_hash_wrapped_over_lines_under_its_label_passes():
    tx = random.Random(4).randbytes(32).hex()
    lines = heading("交易详情", "交易哈希") + [Line(tx[i:i + 22], (300, 300 + 40 * i, 680, 335 + 40 * i), 0.99) for i in range(0, 64, 22)]
    assert not judge(lines).refused


def test_english_transaction_labels_made_of_list_words_pass():
    labels = ["Transaction Details", "Success", "Amount", "-120.5 USDT", "Network", "Ethereum (ERC20)", "From", "To",
              "Tx Hash", "Time", "Network fee", "Confirm", "Total", "Wallet", "Address", "Copy", "Cancel", "Receive",
              "Status", "Completed", "Type", "Withdraw", "Coin", "USDT", "Date"]
    assert not judge(grid(labels, columns=2)).refused


def test_an_english_chat_full_of_list_words_passes():
    lines = heading("Hello, please check my transfer, it is still pending after one hour",
                    "Sure. Please send the transaction hash and the network you used",
                    "I sent it from my wallet to the exchange address on the tron network",
                    "Thank you, we will review it and reply by email within one day",
                    "ok great thank you very much for your help today", "You are welcome, have a nice day")
    assert not judge(lines).refused


def test_ocr_slips_map_to_the_one_word_they_can_be():
    assert match("abandcn", "english") == "abandon"
    assert match("similan", "english") == "similar"
    assert match("cash", "english") == "cash"
    assert match("frm", "english") is None  # too short to tell


def test_an_unnumbered_chinese_grid_read_as_runs_of_far_apart_characters_is_refused():
    chars = words("chinese_simplified", seed=8)
    rows = [Line("".join(chars[i:i + 4]), (40, 300 + 90 * r, 680, 345 + 90 * r), 0.9) for r, i in enumerate(range(0, 12, 4))]
    assert judge(heading("Recovery words") + rows).refused


def test_chinese_sentences_of_list_characters_pass():
    lines = heading("交易详情", "你好，我昨天转了一笔钱到交易所，但是一直没有到账，请帮我查一下。", "我们会尽快处理，请耐心等待。",
                    "转账成功", "网络手续费", "确认", "完成", "查看详情", "复制", "分享", "返回", "设置", "帮助")
    assert not judge(lines).refused


def test_words_in_running_lines_read_without_their_spaces_are_refused():
    phrase = words("french", 18, seed=12)
    lines = heading("请抄写助记词") + [Line("".join(phrase[i:i + 5]), (40, 300 + 50 * i, 680, 330 + 50 * i), 0.9)
                                        for i in range(0, 18, 5)]
    assert judge(lines).refused


def test_an_english_heading_read_without_spaces_is_not_taken_for_list_words():
    lines = heading("Backupyourrecoveryphrase", "Writedownthesewordsintherightorder", "Settings", "Wallet", "Network")
    assert not judge(lines).refused


def test_a_chinese_grid_column_read_top_to_bottom_as_one_run_is_refused():
    chars = words("chinese_traditional", 18, seed=13)
    columns = [Line("".join(chars[i:i + 9]), (60 + 480 * (i // 9), 350, 140 + 480 * (i // 9), 1580), 0.8) for i in (0, 9)]
    assert judge(heading("助记词备份") + columns).refused


# Readings of Japanese and Korean backup pages by an engine without kana or hangul: the words come out as nothing
# or a few wrong characters, the list numbers survive (as lines of their own, glued, or run together).
UNREADABLE_GRID = ["1.", "成寸", "7.", "2.", "<", "8.", "3.", "9.", "のu", "4.", "10.旦", "5.", "11.", "6.", "12."]
UNREADABLE_CARD = ["Recoverywords", "1234", "9号1011号12", "13 1415个167", "1718"]
UNREADABLE_MARKED_RUNS = ["1)23", "45", "759", "10)11)12）", "13)14)", "15)<", "5)6)7)8)9)"]


def test_a_numbered_grid_of_unreadable_words_is_refused_as_a_phrase_page():
    for reading in (UNREADABLE_GRID, UNREADABLE_CARD, UNREADABLE_MARKED_RUNS):
        verdict = judge(grid(reading, columns=1))
        assert verdict.refused and verdict.kind == "mnemonic", reading


def rows_of(pairs: list[tuple[str, str]]) -> list[Line]:
    """A details screen: each label on the left, its value on the right of the same row."""
    lines = []
    for i, (label, value) in enumerate(pairs):
        top = 200 + i * 70
        lines.append(Line(label, (40, top, 40 + 30 * len(label), top + 36), 0.97))
        lines.append(Line(value, (360, top, 360 + 16 * len(value), top + 36), 0.97))
    return lines


def test_numbers_of_public_screens_are_not_taken_for_list_numbers():
    details = rows_of([("9:41", "5G 87%"), ("时间", "2026-11-29 12:13:14"), ("数量", "1,234.56 USDT"), ("手续费", "12.5 TRX"),
                       ("区块高度", "68123456"), ("确认数", "19"), ("滑点", "1.5"), ("涨跌", "2.25%"), ("开始", "10:30"),
                       ("结束", "11:45"), ("有效期", "24 小时"), ("序号", "#3"), ("备注", "(2)")])
    date_picker = grid(["2026年11月", *[str(day) for day in range(1, 32)]], columns=7)
    steps = grid(["1. 打开 TP 钱包，点右下角“我的”。", "2. 进入“设置”，再点“关于我们”。",
                  *[f"{n}. 记下页面上显示的版本号和时间" for n in range(3, 13)]], columns=1)
    for lines in (details, date_picker, steps):
        assert not judge(lines).refused, [line.text for line in lines]


def test_a_short_numbered_list_of_chinese_steps_or_english_tips_is_no_phrase_grid():
    faq = grid(["常见问题"] + [f"{n}.{step}" for n, step in enumerate(
        ["打开钱包", "点击我的", "进入设置", "关于我们", "查看版本", "返回首页", "选择资产", "交易记录", "复制哈希", "打开浏览器",
         "粘贴搜索", "查看状态"], 1)], columns=1)
    assert not judge(faq).refused


def reading_of(*texts: str):
    from assistant.vision.engine import Reading, ReadStatus

    return lambda _data: Reading(ReadStatus.READ, tuple(grid(list(texts), columns=1)))


def test_an_unlabelled_long_hex_code_is_never_passed_silently():
    """The text firewall asks about a bare 64-hex code (a key, or a transaction hash): a picture of one is not
    "clear" either, the person must look and confirm; under a transaction label it passes."""
    from assistant.vision.check import PictureState, check_picture

    code = random.Random(41).randbytes(32).hex()
    bare = check_picture(b"", recognise=reading_of("备忘录", "11月29日 22:10", code))
    assert bare.state is PictureState.UNCHECKED and bare.detail == "doubtful"
    labelled = check_picture(b"", recognise=reading_of("交易详情", "交易哈希", code, "状态 成功"))
    assert labelled.state is PictureState.CLEAR


def test_numbered_tips_of_a_few_list_words_each_are_no_phrase():
    tips = ["Backup", "Verify address", "Update app", "Check network", "Use hardware", "Avoid airdrops", "Cancel approvals",
            "Test small amount", "Ignore urgent DMs", "Stay calm"]
    assert not judge(grid(["Top 10 wallet tips"] + [f"{n}. {tip}" for n, tip in enumerate(tips, 1)], columns=1)).refused
