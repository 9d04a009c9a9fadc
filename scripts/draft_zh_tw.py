"""Draft zh-TW from zh-CN: OpenCC s2twp (Taiwan phrases), then Taiwan-usage fixes.

A translator's aid, not part of the app: needs the `opencc` command (Debian package `opencc`). After running
it, review the result, then lock it with `python main.py l10n accept zh-TW --all`.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
ROOT = PROJECT / "content" / "locales"
FIXES = [  # (simplified-derived draft, Taiwan usage)
    ("賬", "帳"), ("粘貼", "貼上"), ("粘", "貼"), ("搜索", "搜尋"), ("二維碼", "QR Code"), ("渠道", "管道"),
    ("郵箱", "信箱"), ("網盤", "雲端硬碟"), ("雲筆記", "雲端筆記"), ("擴充套件", "擴充功能"), ("自定義", "自訂"),
    ("許可權", "權限"), ("回復", "回覆"), ("安卓", "Android"), ("社交平臺", "社群平台"), ("臺", "台"),
    ("導回來", "重新匯入"), ("導不出來", "匯不出來"), ("拉黑", "封鎖"), ("屏幕", "螢幕"),
    ("應用商店", "應用程式商店"), ("內存池", "記憶體池"),
    ("不是隻", "不是只"), ("髮不出", "發不出"), ("隻讀", "唯讀"), ("天后", "天後"),
    ("電報（Telegram）", "Telegram"), ("電報群", "Telegram 群組"), ("電報", "Telegram"), ("社交媒體", "社群媒體"), ("訪問", "造訪"), ("通過官網", "透過官網"),
    ("報錯提示", "錯誤訊息"), ("報錯", "錯誤"), ("彈窗", "彈出視窗"),
    ("多籤", "多簽"), ("籤過名", "簽過名"), ("籤授權", "簽授權"), ("籤不了", "簽不了"), ("籤名", "簽名"),
    ("併發送", "並發送"), ("移動資料", "行動數據"),
    ("“", "「"), ("”", "」"), ("‘", "『"), ("’", "』"),
]
LATIN_TERMS = re.compile(r"(?<=[\u4e00-\u9fff])(QR Code|Telegram)|(QR Code|Telegram)(?=[\u4e00-\u9fff])")
APP = re.compile(r"應用(?!程式)")

def convert(text: str) -> str:
    out = subprocess.run(["opencc", "-c", "s2twp.json"], input=text, capture_output=True, text=True, check=True).stdout
    for a, b in FIXES:
        out = out.replace(a, b)
    out = APP.sub("應用程式", out)
    out = LATIN_TERMS.sub(lambda m: f" {m.group(1)}" if m.group(1) else f"{m.group(2)} ", out)
    return out

def main():
    src, dst = ROOT / "zh-CN", ROOT / "zh-TW"
    dst.mkdir(exist_ok=True)
    for path in sorted(src.glob("*.toml")):
        if path.name.startswith("."):
            continue
        text = path.read_text(encoding="utf-8")
        text = "".join(line for line in text.splitlines(keepends=True) if not re.match(r"\s*lock\s*=", line))
        (dst / path.name).write_text(convert(text), encoding="utf-8")
        print("wrote", dst / path.name)


def mark_identical():
    """Mark strings identical in both scripts as deliberate (a trailing ignore comment on the key's line)."""
    res = subprocess.run([sys.executable, "main.py", "check", "--locale", "zh-TW", "--format", "json"], cwd=PROJECT,
                         capture_output=True, text=True)
    marks = {}
    for d in json.loads(res.stdout):
        if d["code"] == "W052" and "/zh-TW/" in d["path"]:
            marks.setdefault(d["path"], set()).add(d["line"])
    for rel, lines in marks.items():
        path = PROJECT / rel
        raw = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for n in lines:
            line = raw[n - 1].rstrip("\n")
            if line.rstrip().endswith(("'''", '"""')) or "#" in line.split("=", 1)[1].replace('"#', ""):
                continue
            raw[n - 1] = line + "  # check: ignore[W052] — same in Traditional and Simplified\n"
        path.write_text("".join(raw), encoding="utf-8")
        print("marked", len(lines), "in", rel)


if __name__ == "__main__":
    main()
    mark_identical()
