"""Time and peak memory of the picture check (OCR, phrase judge, field extraction) per phone screenshot.

Run: python -m benchmarks.bench_ocr [--runs 2]
Draws phone-like screens with Pillow (tests/vision/screens.py) at 720×1280 and at a modern phone's 1080×2400,
loads the engine once (its time is printed apart), then checks each picture `--runs` times and prints the median
wall time, the process's peak resident memory while that picture was read (VmHWM, reset before each picture
where the kernel allows it) and the verdict. No assertions: read the numbers.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.vision import engine  # noqa: E402
from assistant.vision.check import check_picture  # noqa: E402
from assistant.vision.fields import extract  # noqa: E402
from tests.vision import screens as s  # noqa: E402


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
        return True
    except OSError:
        return False


def screens() -> dict[str, Image.Image]:
    big = s.Style(width=1080, height=2400, size=44)
    return {
        "phrase en 12, 720x1280": s.phrase_page(s.phrase_words("english", 12, 1)),
        "phrase zh 12 dark, 720x1280": s.phrase_page(s.phrase_words("chinese_simplified", 12, 2), s.dark(s.Style()), "zh"),
        "phrase en 24 photographed": s.photographed(s.phrase_page(s.phrase_words("english", 24, 3),
                                                                  s.Style(columns=3, size=26)), 3),
        "tx details zh, 720x1280": s.tx_details(s.transfer(4)),
        "withdrawal record, 720x1280": s.withdrawal_record(s.transfer(5)),
        "chat, 720x1280": s.chat(),
        "phrase en 12, 1080x2400": s.phrase_page(s.phrase_words("english", 12, 6), big),
        "tx details en, 1080x2400": s.tx_details(s.transfer(7, "evm"), big, chinese=False),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    if not engine.available():
        print("the ocr extra is not installed: nothing to measure (every picture would be 'unchecked')")
        return 0
    pictures = {name: s.png(img) for name, img in screens().items()}
    rss0 = _status_kb("VmRSS")
    start = time.perf_counter()
    engine.recognise(s.png(Image.new("RGB", (64, 64), "white")))  # loads the models
    print(f"engine load: {time.perf_counter() - start:.2f} s, resident memory {rss0 // 1024} MB -> "
          f"{_status_kb('VmRSS') // 1024} MB")
    resettable = _reset_peak()
    print(f"{'screenshot':32} {'median s':>9} {'peak MB':>8}  verdict")
    for name, data in pictures.items():
        times = []
        _reset_peak()
        for _ in range(args.runs):
            t0 = time.perf_counter()
            result = check_picture(data)
            if result.reading is not None:
                extract(result.reading.lines)
            times.append(time.perf_counter() - t0)
        peak = _status_kb("VmHWM") // 1024
        print(f"{name:32} {statistics.median(times):9.2f} {peak:8d}  {result.state.value}")
    if not resettable:
        print("(the kernel did not allow resetting the peak: 'peak MB' is the process's peak so far)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
