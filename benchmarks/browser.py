"""Latency as a student feels it: input -> new chart image in the page, in Voilà and JupyterLab (headless Chromium).

For every chart widget of every lesson (the image-watching steps of tests/test_browser.py's
INTERACTIONS), the page records when the student's input event fires (a capture listener on the
document: click, keydown, change) and when the chart's <img> gets a new src (a MutationObserver);
the difference is one sample. An input with no new image within 5 s is a missed update. Also
reported: the time from opening a lesson in Voilà to its first chart image on the page.

Usage: python benchmarks/browser.py [--inputs N] [--where voila lab] [--lessons 03-metallurgy]   (prints JSON)
Targets (issue 16, on 2 cores): median <= 60 ms, 95th percentile <= 120 ms, no missed update.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402
from test_browser import (  # noqa: E402  (the same servers, Chromium and selectors as the browser tests)
    BIN,
    CHROMIUM_ARGS,
    INTERACTIONS,
    NOTEBOOKS,
    PANEL,
    _serve,
    _settings,
    chromium_path,
    free_port,
    wait_for_every_self_check,
)  # fmt: skip

from histkit.ui.words import t  # noqa: E402

# Lesson 02's length menu ends with an entry that hands over to the length field and leaves the chart as
# it is, by design: choosing it is not an input that should draw a new chart.
NO_NEW_CHART = (t("length_own", "en", "turksib"),)
MISSED_AFTER_MS = 5000
SETTLE_MS = 300  # quiet time between two inputs, so a late image is never taken for the next input's

RECORDER = """() => {
  window.__inputAt = null;
  for (const kind of ['click', 'keydown', 'change'])
    document.addEventListener(kind, () => { window.__inputAt = performance.now(); }, true);
  window.__firstChart = null;
  const seen = () => [...document.querySelectorAll('img')].some(i => (i.getAttribute('src') || '').startsWith('blob:')
                                                                  || (i.getAttribute('src') || '').startsWith('data:image'));
  new MutationObserver(() => { if (window.__firstChart === null && seen()) window.__firstChart = performance.now(); })
    .observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
}"""

# The chart is an <img> inside an HTML widget (histkit.ui.widgets.ChartImage): a redraw replaces the element,
# so watch the widget box for an image whose source differs from the one shown now.
WATCH = """([root, container, button]) => {
  const box = document.querySelector(root).querySelector(container);
  const before = box.querySelector('img').getAttribute('src');
  window.__changedAt = null;
  new MutationObserver((records, observer) => {
    const img = box.querySelector('img');
    if (img && img.getAttribute('src') !== before) { window.__changedAt = performance.now(); observer.disconnect(); }
  }).observe(box, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
}"""


def chart_steps(stem: str):
    return [step for step in INTERACTIONS.get(stem, []) if step.watch == "img"]


def inputs_for(page, root: str, step, count: int):
    """count inputs for one control, each changing its value: a callable per input (Playwright actions)."""
    container = page.locator(root).locator(step.container).first
    if step.action == "toggle":
        group = container.locator(".widget-toggle-buttons", has=page.locator(f"button:has-text('{step.value}')")).first
        buttons = group.locator("button")

        def next_button():  # the button after the one pressed now: every click changes the filter
            now = group.evaluate(
                "g => [...g.querySelectorAll('button')].findIndex(b => b.classList.contains('mod-active'))"
            )
            buttons.nth((now + 1) % buttons.count()).click()

        return [next_button] * count
    control = container.locator(step.control).first
    if step.action == "keys":
        key = step.value.split()[0]
        back = {"ArrowRight": "ArrowLeft", "ArrowLeft": "ArrowRight", "ArrowUp": "ArrowDown", "ArrowDown": "ArrowUp"}[
            key
        ]
        control.focus()
        # three steps one way, three back: stays inside the field's range, every press changes the value
        return [lambda k=(key if (n // 3) % 2 == 0 else back): control.press(k) for n in range(count)]
    if step.action == "select":
        labels = control.locator("option").all_inner_texts()
        charted = [i for i, text in enumerate(labels) if " ".join(text.split()) not in NO_NEW_CHART]  # \xa0 too

        def next_option():  # the option after the one chosen now: every choice changes the chart
            now = control.evaluate("s => s.selectedIndex")
            control.select_option(index=next((i for i in charted if i > now), charted[0]))

        return [next_option] * count
    raise ValueError(step.action)


def measure_step(page, root: str, step, count: int) -> dict:
    page.locator(root).locator(step.container).first.scroll_into_view_if_needed()
    samples, missed = [], 0
    for act in inputs_for(page, root, step, count):
        page.evaluate(WATCH, [root, step.container, None])
        page.evaluate("() => { window.__inputAt = null; }")
        act()
        try:
            page.wait_for_function("() => window.__changedAt !== null", timeout=MISSED_AFTER_MS, polling=20)
        except Exception:
            missed += 1
            continue
        began, changed = page.evaluate("() => [window.__inputAt, window.__changedAt]")
        samples.append(changed - began)
        page.wait_for_timeout(SETTLE_MS)
    return summary(samples, missed)


def summary(samples: list[float], missed: int) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else None
    median = statistics.median(ordered) if ordered else None
    ok = bool(ordered) and median <= 60 and p95 <= 120 and missed == 0
    return {"median_ms": _round(median), "p95_ms": _round(p95), "min_ms": _round(ordered[0] if ordered else None),
            "max_ms": _round(ordered[-1] if ordered else None), "samples": len(ordered), "missed": missed, "ok": ok}  # fmt: skip


def _round(value):
    return None if value is None else round(value, 1)


def label(step) -> str:
    return f"{step.container} {step.action} {step.control if step.action != 'toggle' else step.value}"


def voila_lessons(browser, base: str, count: int) -> dict:
    results = {}
    for path in NOTEBOOKS:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.add_init_script(f"({RECORDER})()")
        try:
            page.goto(f"{base}/voila/render/{path.name}", wait_until="commit")
            page.locator("body").wait_for(state="attached", timeout=120_000)
            wait_for_every_self_check(page, "body", path, timeout=120_000)
            first = page.evaluate("() => window.__firstChart")
            lesson = {"first_chart_s": _round(first / 1000 if first else None)}
            for step in chart_steps(path.stem):
                lesson[label(step)] = measure_step(page, "body", step, count)
            results[path.stem] = lesson
        finally:
            page.close()
    return results


def lab_lessons(browser, base: str, token: str, count: int) -> dict:
    results = {}
    for path in NOTEBOOKS:
        steps = chart_steps(path.stem)
        if not steps:
            continue
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.add_init_script(f"({RECORDER})()")
        try:
            page.goto(f"{base}/lab/workspaces/bench-{path.stem}/tree/notebooks/{path.name}?reset&token={token}")
            page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
            page.locator(".jp-StatusBar-Widget").get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
            page.locator(".lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
            page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
            wait_for_every_self_check(page, PANEL, path, timeout=120_000)
            page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
            results[path.stem] = {label(step): measure_step(page, PANEL, step, count) for step in steps}
        finally:
            page.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=12, help="inputs per control")
    parser.add_argument("--where", nargs="+", default=["voila", "lab"], choices=["voila", "lab"])
    parser.add_argument("--lessons", nargs="+", help="only these lessons, e.g. 03-metallurgy")
    args = parser.parse_args()
    if args.lessons:
        NOTEBOOKS[:] = [path for path in NOTEBOOKS if path.stem in args.lessons]
    report = {"machine": {"cpus": os.cpu_count(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}}
    with tempfile.TemporaryDirectory(prefix="latency-") as folder, sync_playwright() as playwright:
        tmp = Path(folder)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            if "voila" in args.where:
                (tmp / "voila").mkdir()
                port = free_port()
                command = [
                    str(BIN / "voila"),
                    "notebooks",
                    "--no-browser",
                    f"--port={port}",
                    "--Voila.ip=127.0.0.1",
                    "--token=",
                ]
                server = _serve(command, f"http://127.0.0.1:{port}/voila/tree", tmp / "voila")
                try:
                    report["voila"] = voila_lessons(browser, f"http://127.0.0.1:{port}", args.inputs)
                finally:
                    server.terminate()
                    server.wait(timeout=20)
            if "lab" in args.where:
                (tmp / "lab").mkdir()
                port, token = free_port(), secrets.token_hex(16)
                command = [
                    str(BIN / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                    f"--IdentityProvider.token={token}", "--allow-root", f"--ServerApp.root_dir={ROOT}",
                    f"--LabApp.user_settings_dir={_settings(tmp / 'lab' / 'settings')}",
                    f"--LabApp.workspaces_dir={tmp / 'lab' / 'workspaces'}",
                ]  # fmt: skip
                server = _serve(command, f"http://127.0.0.1:{port}/api/status?token={token}", tmp / "lab")
                try:
                    report["lab"] = lab_lessons(browser, f"http://127.0.0.1:{port}", token, args.inputs)
                finally:
                    server.terminate()
                    server.wait(timeout=20)
        finally:
            browser.close()
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
