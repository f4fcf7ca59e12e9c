"""A student's path in JupyterLab: answer, restart the kernel, find the answers kept, hand in the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SESSION_ANSWERS
from test_browser import PANEL, SHOTS, _shut_down_kernels, browser, lab  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser
LESSON = "00-start-here"


def run_all(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel").get_by_text(menu, exact=True).click()
    page.locator(".lm-Menu-itemLabel").get_by_text(item, exact=True).click()


def quiz_box(page, exercise_id_text: str):
    return page.locator(PANEL).locator(".histkit-quiz").filter(has_text=exercise_id_text).first


def wait_until_run(page) -> None:
    page.wait_for_function(
        "(r) => { const p = [...document.querySelector(r).querySelectorAll('.jp-CodeCell .jp-InputPrompt')];"
        " return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.innerText)); }",
        arg=PANEL,
        timeout=120_000,
    )
    page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
    page.locator(PANEL).locator(".histkit-hand-in").wait_for(timeout=30_000)


def test_answers_survive_a_restart_and_are_handed_in(lab, browser):  # noqa: F811 - the fixtures imported above
    base, token = lab
    folder = SESSION_ANSWERS  # the server's kernels inherited the session's folder
    saved = folder / f"histkit-answers-{LESSON}.json"
    record = folder / f"histkit-record-{LESSON}.html"
    for leftover in (saved, record):
        leftover.unlink(missing_ok=True)
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        page.goto(f"{base}/lab/workspaces/test-path/tree/notebooks/{LESSON}.ipynb?reset&token={token}")
        page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
        page.locator(".jp-StatusBar-Widget").get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
        run_all(page, "Run", "Run All Cells")
        wait_until_run(page)

        years = quiz_box(page, "How many whole years")
        years.scroll_into_view_if_needed()
        for value in ("6", "5"):
            years.locator("input").fill(value)
            years.locator("button").click()
            page.wait_for_timeout(300)
        years.get_by_text("Found it after 2 tries.").wait_for(timeout=20_000)
        source = quiz_box(page, "Which sentence does it cite?")
        source.scroll_into_view_if_needed()
        source.get_by_text("s123", exact=True).click()
        source.locator("button").click()
        source.get_by_text("Right on the first try.").wait_for(timeout=20_000)
        page.screenshot(path=str(SHOTS / "student-path-1-answered.png"))
        kept = json.loads(saved.read_text(encoding="utf-8"))["answers"]
        assert kept["00-years-between"]["answer"] == "5" and kept["00-years-between"]["tries"] == 2
        assert kept["00-find-the-sentence"] == {**kept["00-find-the-sentence"], "answer": "s123", "first_try": True}

        run_all(page, "Kernel", "Restart Kernel and Run All Cells…")
        page.locator(".jp-Dialog .jp-mod-accept").click()
        page.wait_for_timeout(2000)  # the old outputs are cleared before the cells run again
        wait_until_run(page)
        years = quiz_box(page, "How many whole years")
        years.scroll_into_view_if_needed()
        assert years.locator("input").input_value() == "5"
        years.get_by_text("Found it after 2 tries.").wait_for(timeout=20_000)
        page.screenshot(path=str(SHOTS / "student-path-2-after-restart.png"))

        hand_in = page.locator(PANEL).locator(".histkit-hand-in")
        hand_in.scroll_into_view_if_needed()
        hand_in.locator("input").fill("Aigerim Sadykova")
        hand_in.locator("button").click()
        link = hand_in.locator("a[download]")
        link.wait_for(timeout=20_000)
        page.screenshot(path=str(SHOTS / "student-path-3-hand-in.png"))
        with page.expect_download() as download:
            link.click()
        assert download.value.suggested_filename == f"histkit-record-{LESSON}.html"
        downloaded = Path(download.value.path()).read_text(encoding="utf-8")
        assert downloaded == record.read_text(encoding="utf-8")
        assert "Aigerim Sadykova" in downloaded and "Found it after 2 tries." in downloaded

        printed = browser.new_page(viewport={"width": 900, "height": 1200})
        printed.goto(record.as_uri())
        printed.screenshot(path=str(SHOTS / "student-path-4-record.png"), full_page=True)
        printed.pdf(path=str(SHOTS / "student-path-record.pdf"))  # headless Chromium prints to PDF
        printed.close()
        assert not list((ROOT / "notebooks").glob("histkit-*")), "answers leaked into notebooks/"
    finally:
        page.close()
        _shut_down_kernels(base, token)
        for leftover in (saved, record):
            leftover.unlink(missing_ok=True)
