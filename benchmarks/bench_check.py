"""Time `main.py check` as a whole process, and on 100× synthetic content to see that it scales linearly.

Run: python -m benchmarks.bench_check [--runs 7] [--factor 100]
Prints the median wall time of `python -c pass` (interpreter start-up, the baseline), of `main.py check` on
the shipped content (goal: under 1 s in total), and of `main.py check` on content multiplied `--factor`
times in a temporary folder, with the ratio to 1× (≈ factor when linear). No assertions: read the numbers.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
_HEADER = re.compile(r"^\[(?!\[)([^\]]+)\]", re.M)


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict | None = None, runs: int = 7) -> tuple[float, float, int]:
    """Median wall time and median CPU time (user + system) of `runs` runs, and the last exit code."""
    times, cpus = [], []
    code = 0
    for _ in range(runs):
        start, cpu = time.perf_counter(), _child_cpu()
        done = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        cpus.append(_child_cpu() - cpu)
        code = done.returncode
    return statistics.median(times), statistics.median(cpus), code


def multiply(target: Path, factor: int) -> int:
    """Copy content/ to `target` with every flow and text file repeated `factor` times; return text files."""
    shutil.copytree(CONTENT, target)
    files = 0
    for n in range(1, factor):
        suffix = f"_x{n:03d}"
        for flow in sorted((CONTENT / "flows").glob("*.toml")):
            shutil.copy(flow, target / "flows" / f"{flow.stem}{suffix}.toml")
        for folder in sorted((CONTENT / "locales").iterdir()):
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.toml")):
                if path.name.startswith("."):
                    continue
                text = path.read_text(encoding="utf-8")
                if path.stem == "ui" or path.stem.startswith("ui_"):
                    # ui files share the `ui.` namespace: rename their tables instead of the file
                    name = f"ui_x{n:03d}_{path.stem}.toml"
                    text = _HEADER.sub(lambda m, n=n: f"[x{n:03d}_{m.group(1)}]", text)
                else:
                    name = f"{path.stem}{suffix}.toml"
                (target / "locales" / folder.name / name).write_text(text, encoding="utf-8")
                files += 1
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--factor", type=int, default=100)
    args = parser.parse_args(argv)
    python = sys.executable
    env = {**os.environ, "WSA_CONTENT_DIR": str(CONTENT)}
    env.pop("WSA_PSEUDO_LOCALE", None)
    base, base_cpu, _ = timed([python, "-c", "pass"], env, args.runs)
    one, one_cpu, code = timed([python, "main.py", "check"], env, args.runs)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times grow with load; CPU times do not)")
    print(f"python -c pass (baseline)        median wall {base:6.3f} s, CPU {base_cpu:6.3f} s")
    print(f"main.py check, shipped content   median wall {one:6.3f} s, CPU {one_cpu:6.3f} s  (exit {code}; "
          f"goal < 1 s wall: {'met' if one < 1 else 'NOT met'})")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "content"
        files = multiply(big, args.factor)
        size = sum(p.stat().st_size for p in big.rglob("*.toml")) / 1e6
        env_big = {**env, "WSA_CONTENT_DIR": str(big)}
        many, many_cpu, code = timed([python, "main.py", "check"], env_big, max(1, args.runs // 3))
    print(f"main.py check, {args.factor}× content ({files} extra files, {size:.1f} MB)  median wall {many:6.3f} s, "
          f"CPU {many_cpu:6.3f} s  (exit {code})")
    print(f"ratio {args.factor}× / 1×: wall {many / one:.1f}, CPU {many_cpu / one_cpu:.1f}  (≈ {args.factor} when all the "
          "time is per-text work; start-up and imports are fixed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
