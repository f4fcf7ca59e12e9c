"""Measure what a class waits for, and print it as JSON.

- import: ``import histkit`` next to ``import pandas`` alone, each in fresh processes (median);
- load: the first load of every dataset (caches cleared);
- notebooks: each lesson executed top to bottom in a fresh kernel, kernel start included (median);
- redraws: widget value changed in the kernel -> new chart image ready (median and 95th percentile).

Usage: python benchmarks/run.py [--repeat N] [--skip-notebooks]
Targets (README, "Performance"): import histkit <= 1.10 x import pandas; each notebook <= 5 s;
redraw median <= 60 ms and 95th percentile <= 120 ms.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from redraws import REDRAWS  # noqa: E402  (the widgets to time, one entry per chart widget)


def import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(result.stdout)


def imports(repeat: int) -> dict:
    pandas, histkit = [], []
    for _ in range(repeat):  # interleaved, so both see the same machine load
        pandas.append(import_seconds("pandas"))
        histkit.append(import_seconds("histkit"))
    ratio = statistics.median(histkit) / statistics.median(pandas)
    return {
        "import_pandas_s": round(statistics.median(pandas), 3),
        "import_histkit_s": round(statistics.median(histkit), 3),
        "ratio": round(ratio, 3),
        "target_ratio_max": 1.10,
        "ok": ratio <= 1.10,
    }


def loads() -> dict:
    import histkit
    from histkit import datasets, package

    datasets._frame.cache_clear()
    package._descriptor.cache_clear()
    times = {}
    for name in histkit.list_datasets():
        start = time.perf_counter()
        histkit.load(name)
        times[name] = round((time.perf_counter() - start) * 1000, 2)
    return {"first_load_ms": times, "total_ms": round(sum(times.values()), 1)}


def notebook_seconds(path: Path) -> float:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return time.perf_counter() - start


def notebooks(repeat: int) -> dict:
    results = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        runs = [notebook_seconds(path) for _ in range(repeat)]
        median = statistics.median(runs)
        results[path.stem] = {
            "median_s": round(median, 2),
            "runs_s": [round(r, 2) for r in runs],
            "target_s": 5.0,
            "ok": median <= 5.0,
        }
    return results


def redraws(repeat: int) -> dict:
    results = {}
    for name, (build, changes) in REDRAWS.items():
        view, change = build()
        times = []
        for step in range(max(repeat, 1) * 10):
            value = changes[step % len(changes)]
            start = time.perf_counter()
            change(value)
            assert view.image.value  # the new PNG is ready
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        median, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
        results[name] = {
            "median_ms": round(median, 1),
            "p95_ms": round(p95, 1),
            "samples": len(times),
            "ok": median <= 60 and p95 <= 120,
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-notebooks", action="store_true")
    args = parser.parse_args()
    report = {
        "machine": {
            "python": platform.python_version(),
            "cpus": __import__("os").cpu_count(),
            "platform": platform.platform(),
        },
        "import": imports(args.repeat * 4 + 1),
        "load": loads(),
        "redraw": redraws(args.repeat),
    }
    if not args.skip_notebooks:
        report["notebooks"] = notebooks(max(args.repeat // 2, 1) + 2)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
