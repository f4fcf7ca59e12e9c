"""Every lesson in a real browser, as a student meets it: JupyterLab and Voilà in headless Chromium.

nbval proves the code runs; these tests prove the widgets render and answer. For each notebook:
open it, run all cells, wait for the kernel, assert that no cell shows an error or stderr and no
widget shows "Error displaying widget", then operate widgets the way a student would (pick from a
dropdown, press keys on a slider, click a button) and assert that what is displayed changed.
Screenshots go to screenshots/ (git-ignored). Run only these with: pytest -m browser
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import KAZAKH_LESSONS, ROOT, ratio
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

import histkit
from histkit.ui.words import t

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
BOTH = [(p, "en") for p in NOTEBOOKS] + [(p, "kk") for p in KAZAKH_LESSONS]
BOTH_IDS = [f"{p.stem}-{lang}" for p, lang in BOTH]
SHOTS = ROOT / "screenshots"
BIN = Path(sys.executable).parent
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


@dataclass(frozen=True)
class Interaction:
    """One thing a student does with a widget, and where the result must show.

    container: CSS selector of the widget box (histkit widgets carry a "histkit-…" class);
    control: selector, inside the container, of what the student operates;
    action: "select" (pick the option labelled value), "click", "keys" (focus, then press value,
    e.g. "ArrowRight ArrowRight") or "toggle" (click the toggle button labelled value);
    watch: selector, inside the container, whose HTML (or image source) must change.
    """

    container: str
    control: str
    action: str
    value: str = ""
    watch: str = ".widget-html-content"


# Every notebook: what to operate. Each also gets the generic self-check click (below).
INTERACTIONS: dict[str, list[Interaction]] = {
    "03-metallurgy": [
        Interaction(".histkit-enterprises", "button", "toggle", "First five-year plan", watch="img"),
        Interaction(".histkit-enterprises", "button", "toggle", "Food", watch="img"),
        Interaction(".histkit-enterprises", "button", "toggle", "Before the war"),  # the table under the map
    ],
    "00-start-here": [
        Interaction(".histkit-explorer", "select", "select", "people"),
        Interaction(".histkit-explorer", ".widget-toggle-buttons button:has-text('Қазақша')", "click"),
    ],
    "02-turksib": [
        Interaction(".histkit-pace", ".histkit-pace-rate input", "keys", "ArrowUp ArrowUp ArrowUp", watch="img"),
        Interaction(".histkit-pace", ".histkit-pace-length input", "keys", "ArrowDown ArrowDown", watch="img"),
        Interaction(
            ".histkit-pace", ".histkit-pace-menu select", "select", "From the south, 506 km (s120)", watch="img"
        ),
    ],
    "01-debates": [
        Interaction(".histkit-quotations", "select", "select", "Speaker · S. Sadvakasov (4)"),
        Interaction(".histkit-wool-model", "input", "keys", "ArrowUp ArrowUp", watch="img"),
    ],
    "04-checking-the-numbers": [
        Interaction(".histkit-findings", ".histkit-kind select", "select", "Units: what does the figure measure?"),
        Interaction(".histkit-findings", ".histkit-finding select", "select", "Comparing an average with a maximum"),
    ],
    "05-beyond-the-text": [
        Interaction(
            ".histkit-corroboration",
            "select",
            "select",
            "s117 · They differ · Turksib was finished two years earlier than the five years…",
        ),
        Interaction(
            ".histkit-corroboration",
            "select",
            "select",
            "s121 · They agree · The southern and northern parts of Turksib met at Ainabulak…",
        ),
    ],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def chromium_path() -> str | None:
    """The system Chromium (Debian's package); None lets Playwright use its own download (make browser)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _serve(command: list[str], url: str, tmp: Path):
    """Start a server whose kernels save students' answers in tmp/answers: a folder of its own, so answers given
    in the browser reach neither the repository's notebooks nor nbval's kernels (which must start with none)."""
    (tmp / "answers").mkdir(exist_ok=True)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp / "config"), "JUPYTER_RUNTIME_DIR": str(tmp / "runtime")}
    env["HISTKIT_ANSWERS_DIR"] = str(tmp / "answers")
    env.pop("MPLBACKEND", None)
    with open(tmp / "server.log", "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(url)
    except RuntimeError:
        process.terminate()
        raise RuntimeError((tmp / "server.log").read_text()[-2000:]) from None
    return process


def _settings(folder: Path) -> Path:
    """JupyterLab settings for a test run: render every cell, no autosave. Nothing about the news pop-up:
    the settings installed with histkit (jupyter/lab-overrides.json) must keep it away, as for students."""
    overrides = {
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
        "@jupyterlab/docmanager-extension/plugin": {"autosave": False},  # never write over the committed notebooks
    }
    for plugin, values in overrides.items():
        path = folder / (plugin + ".jupyterlab-settings")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def lab_tmp(tmp_path_factory) -> Path:
    """The JupyterLab server's scratch folder: settings, workspaces, log, and its kernels' saved answers."""
    return tmp_path_factory.mktemp("lab")


@pytest.fixture(scope="session")
def lab(lab_tmp):
    tmp = lab_tmp
    port, token = free_port(), secrets.token_hex(16)
    command = [
        str(BIN / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", "--allow-root", f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.user_settings_dir={_settings(tmp / 'settings')}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
    ]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    process = _serve(command, f"{base}/api/status?token={token}", tmp)
    yield base, token
    process.terminate()
    process.wait(timeout=20)


def _voila(tmp: Path, folder: Path):
    port = free_port()
    command = [
        str(BIN / "voila"), str(folder), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
        "--token=", "--show_tracebacks=True",
    ]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    return _serve(command, f"{base}/voila/tree", tmp), base


@pytest.fixture(scope="session")
def voila_tmp(tmp_path_factory) -> Path:
    """The Voilà server's scratch folder: its log, and its kernels' saved answers."""
    return tmp_path_factory.mktemp("voila")


@pytest.fixture(scope="session")
def voila(voila_tmp):
    process, base = _voila(voila_tmp, ROOT / "notebooks")
    yield base
    process.terminate()
    process.wait(timeout=20)


def forget_answers(server_tmp: Path, path: Path) -> None:
    """Delete the answers a test gave in a lesson on a server: both editions of a lesson share its answers file, and
    the other edition must start with none, as the test expects."""
    (server_tmp / "answers" / f"histkit-answers-{path.stem}.json").unlink(missing_ok=True)


def quiz_count(path: Path) -> int:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return sum("quiz(" in "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")


def _content(element) -> str:
    image = element.locator("img")
    if element.evaluate("e => e.tagName") == "IMG":
        return element.get_attribute("src") or ""
    if image.count():
        return image.first.get_attribute("src") or ""
    return element.inner_html()


def operate(page, root: str, step: Interaction, shot: Path) -> None:
    """Do what the student does and assert that the display changed.

    root: CSS selector of the one element that holds the lesson under test (the visible notebook
    panel in JupyterLab, the body in Voilà); every locator is scoped to it.
    """
    container = page.locator(root).locator(step.container).first
    container.scroll_into_view_if_needed()
    watched = container.locator(step.watch).first
    before = _content(watched)
    control = container.locator(step.control).first
    if step.action == "select":
        control.select_option(label=step.value)
    elif step.action == "keys":
        control.focus()
        for key in step.value.split():
            control.press(key)
    elif step.action == "toggle":
        container.locator(f"button:has-text('{step.value}')").first.click()
    else:
        control.click()
    try:
        page.wait_for_function(
            "([r, c, w, before]) => { const e = document.querySelector(r).querySelector(c).querySelector(w);"
            " const img = e.tagName === 'IMG' ? e : e.querySelector('img');"
            " const now = img ? img.getAttribute('src') : e.innerHTML; return now !== before; }",
            arg=[root, step.container, step.watch, before],
            timeout=20_000,
        )
    except PlaywrightTimeout:
        page.screenshot(path=str(shot))
        raise AssertionError(
            f"{step.container}: nothing changed in {step.watch} within 20 s after {step.action} {step.value!r}; "
            f"the widget's callback probably failed (screenshot: {shot.name})"
        ) from None
    assert _content(container.locator(step.watch).first) != before
    page.screenshot(path=str(shot))


def check_self_check_answers(page, root: str) -> None:
    """The generic round trip every lesson has: a Check button with no answer explains what to do."""
    quiz = page.locator(root).locator(".histkit-quiz").first
    quiz.scroll_into_view_if_needed()
    quiz.locator("button").last.click()
    page.wait_for_function(
        "(r) => /Choose an answer first|Алдымен|Type a number|Your claim|not sorted yet/.test("
        "document.querySelector(r).querySelector('.histkit-quiz').innerText)",
        arg=root,
        timeout=20_000,
    )


def wait_for_every_self_check(page, root: str, path: Path, timeout: int) -> None:
    """Wait until every self-check of the notebook is on the page: the cells have all run."""
    page.wait_for_function(
        "([r, n]) => document.querySelector(r).querySelectorAll('.histkit-quiz').length === n",
        arg=[root, quiz_count(path)],
        timeout=timeout,
    )


def act_as_a_student(page, root: str, path: Path, where: str) -> None:
    """Click a self-check, then operate every widget listed for the notebook; no error may appear."""
    check_self_check_answers(page, root)
    for number, step in enumerate(INTERACTIONS[path.stem], start=1):
        operate(page, root, step, SHOTS / f"{path.stem}-{where}-{number}.png")
    assert_no_errors(page, root)


def assert_no_errors(page, root: str) -> None:
    lesson = page.locator(root)
    text = lesson.inner_text()
    assert "Error displaying widget" not in text
    assert "There was an error when executing cell" not in page.locator("body").inner_text()
    assert "Traceback" not in text
    errors = lesson.locator("[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()


WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]  # WCAG 2.0 and 2.1, levels A and AA
AXE_REPORTS = SHOTS / "axe"


def axe_violations(page, include: list[str], name: str) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations inside the elements include selects (axe-core is bundled with
    axe-playwright-python, so this works offline). The counts per rule go to screenshots/axe/<name>.json."""
    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    context = {"include": [[selector] for selector in include]}
    violations = Axe().run(page, context=context, options=options).response["violations"]
    AXE_REPORTS.mkdir(parents=True, exist_ok=True)
    found = {v["id"]: len(v["nodes"]) for v in violations}
    (AXE_REPORTS / f"{name}.json").write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
    return violations


def assert_accessible(page, include: list[str], name: str) -> None:
    """No WCAG 2.1 A/AA violation that axe-core can find in the lesson."""
    violations = axe_violations(page, include, name)
    details = [f"{v['id']} ({v['impact']}): {v['help']}, e.g. {v['nodes'][0]['html'][:200]}" for v in violations]
    total = sum(len(v["nodes"]) for v in violations)
    assert not violations, f"{total} axe-core violations in {name}:\n" + "\n".join(details)


NEWS_PROMPT = "Would you like to get notified about official Jupyter news?"


def test_jupyterlab_serves_the_settings_shipped_with_histkit(lab):
    """Installing histkit puts jupyter/lab-overrides.json where JupyterLab reads defaults: no news, no update check."""
    base, token = lab
    url = f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}"
    with urllib.request.urlopen(url, timeout=10) as response:
        schema = json.load(response)["schema"]  # overrides change the schema's defaults, not the user's settings
    defaults = {name: field["default"] for name, field in schema["properties"].items()}
    assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False
    shipped = json.loads((ROOT / "jupyter" / "lab-overrides.json").read_text(encoding="utf-8"))
    assert shipped["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}


# In JupyterLab every locator is scoped to the one notebook panel on show: a hidden panel (another
# notebook, or one a workspace restored) keeps its own toolbar, prompts and widgets in the DOM.
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# In JupyterLab, what the lesson puts on the page: the rendered text cells and every output. The code editors
# and the cell list are JupyterLab's own (CodeMirror's unnamed textboxes, a role=feed list): measured for the
# record (<lesson>-lab-all.json), not asserted, as histkit cannot change them.
LAB_CONTENT = [f"{PANEL} .jp-MarkdownCell .jp-RenderedMarkdown", f"{PANEL} .jp-OutputArea"]


def _shut_down_kernels(base: str, token: str) -> None:
    """Stop every kernel the lesson started, so the next lesson does not share the CPU with it."""
    headers = {"Authorization": f"token {token}"}
    with urllib.request.urlopen(urllib.request.Request(f"{base}/api/sessions", headers=headers), timeout=10) as r:
        sessions = json.load(r)
    for session in sessions:
        request = urllib.request.Request(f"{base}/api/sessions/{session['id']}", headers=headers, method="DELETE")
        urllib.request.urlopen(request, timeout=10).close()


@pytest.mark.parametrize("path, lang", BOTH, ids=BOTH_IDS)
def test_lesson_in_jupyterlab(path, lang, lab, lab_tmp, browser):
    """Both editions run whole in JupyterLab; the English is then operated widget by widget, the Kazakh
    answers a self-check; in both a self-check is answered and a chart widget moved with the keyboard alone
    (Tab from where the run left the focus). Both are checked with axe-core."""
    base, token = lab
    stem = path.stem if lang == "en" else f"{path.stem}-kk"
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        # A workspace of its own, reset on opening: JupyterLab restores no other notebook beside this one.
        where = path.relative_to(ROOT).as_posix()
        page.goto(f"{base}/lab/workspaces/test-{stem}/tree/{where}?reset&token={token}")
        page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
        page.locator(".jp-StatusBar-Widget").get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
        assert page.locator(PANEL).count() == 1, "more than one notebook panel is on show"
        page.locator(".lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
        page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
        try:
            page.wait_for_function(
                "(r) => { const p = [...document.querySelector(r).querySelectorAll('.jp-CodeCell .jp-InputPrompt')];"
                " return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.innerText)); }",
                arg=PANEL,
                timeout=120_000,
            )
        except PlaywrightTimeout:
            prompts = page.locator(PANEL).locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
            status = page.locator(".jp-StatusBar-Widget").all_inner_texts()
            page.screenshot(path=str(SHOTS / f"{stem}-lab-stuck.png"))
            raise AssertionError(f"not every cell ran within 120 s; prompts {prompts}, status bar {status}") from None
        page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
        wait_for_every_self_check(page, PANEL, path, timeout=30_000)
        assert page.locator(PANEL).locator(".jupyter-widgets").count() > 0
        assert_no_errors(page, PANEL)
        _page_screenshots(page, stem)
        help_box = page.locator(PANEL).locator(".jp-RenderedMarkdown blockquote").first
        assert help_box.get_by_text("Shift + Enter").is_visible(), "JupyterLab readers need the help box's advice"
        if lang == "en":
            act_as_a_student(page, PANEL, path, "lab")
        else:
            assert page.locator(PANEL).locator('.jp-RenderedMarkdown [lang="kk"]').count() > 0
            check_self_check_answers(page, PANEL)
            assert_no_errors(page, PANEL)
        answer_and_move_by_keyboard(page, PANEL, path, f"{stem}-lab-keyboard-focus.png", menu_keys=LAB_MENU_KEYS)
        assert page.get_by_text(NEWS_PROMPT).count() == 0, "JupyterLab asked about Jupyter news"
        axe_violations(page, [f"{PANEL} .jp-Notebook"], f"{stem}-lab-all")
        assert_accessible(page, LAB_CONTENT, f"{stem}-lab")
    finally:
        page.close()
        _shut_down_kernels(base, token)
        forget_answers(lab_tmp, path)


def _page_screenshots(page, stem: str) -> None:
    """Screenshot the notebook page by page, from the top, as a student scrolls through it."""
    panel = f"{PANEL} .jp-WindowedPanel-outer"
    total, step = page.evaluate(
        f"() => [document.querySelector('{panel}').scrollHeight, document.querySelector('{panel}').clientHeight]"
    )
    for number, top in enumerate(range(0, total, max(step - 80, 200)), start=1):
        page.evaluate(f"() => document.querySelector('{panel}').scrollTop = {top}")
        page.wait_for_timeout(150)
        page.screenshot(path=str(SHOTS / f"{stem}-lab-page-{number:02d}.png"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_in_voila(path, voila, browser):
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{voila}/voila/render/{path.name}")
        wait_for_every_self_check(page, "body", path, timeout=120_000)
        page.wait_for_load_state("networkidle")
        assert_no_errors(page, "body")
        help_box = page.locator("blockquote").filter(has_text="New to notebooks?")
        assert help_box.get_by_text("You cannot break anything").is_visible()
        assert not help_box.get_by_text("Shift + Enter").is_visible(), "Voilà has no cells to run: no Shift + Enter"
        page.screenshot(path=str(SHOTS / f"{path.stem}-voila.png"), full_page=True)
        act_as_a_student(page, "body", path, "voila")
        assert_accessible(page, ["body"], f"{path.stem}-voila")
    finally:
        page.close()


@pytest.mark.parametrize("path", KAZAKH_LESSONS, ids=lambda p: p.stem)
def test_kazakh_lesson_in_voila_is_accessible(path, voila, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{voila}/voila/render/kk/{path.name}")
        wait_for_every_self_check(page, "body", path, timeout=120_000)
        page.wait_for_load_state("networkidle")
        assert_no_errors(page, "body")
        assert page.locator('[lang="kk"]').count() > 0
        assert not page.locator("blockquote").first.get_by_text("Shift + Enter").is_visible()
        page.screenshot(path=str(SHOTS / f"{path.stem}-kk-voila.png"), full_page=True)
        check_self_check_answers(page, "body")
        assert_accessible(page, ["body"], f"{path.stem}-voila-kk")
    finally:
        page.close()


def test_every_notebook_has_interactions():
    missing = [p.stem for p in NOTEBOOKS if not INTERACTIONS.get(p.stem)]
    assert not missing, f"add widget interactions for {missing} to INTERACTIONS"
    unreachable = [p.stem for p in NOTEBOOKS if p.stem not in KEYBOARD]
    assert not unreachable, f"add the keyboard-only step for {unreachable} to KEYBOARD"
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+", stem) for stem in INTERACTIONS)


# What a keyboard user operates in each lesson's chart widget (or explorer): the control to reach with Tab, the
# key to press there, and what must change (an image, or the widget's HTML).
KEYBOARD: dict[str, tuple[str, str, str, str]] = {
    "00-start-here": (".histkit-explorer", "select", "ArrowDown", ".widget-html-content"),
    "01-debates": (".histkit-wool-model", "input", "ArrowUp", "img"),
    "02-turksib": (".histkit-pace", ".histkit-pace-rate input", "ArrowUp", "img"),
    "03-metallurgy": (".histkit-enterprises", "button:not(.mod-active)", "Space", "img"),
    "04-checking-the-numbers": (".histkit-findings", ".histkit-kind select", "ArrowDown", ".widget-html-content"),
    "05-beyond-the-text": (".histkit-corroboration", "select", "ArrowDown", ".widget-html-content"),
}

# In JupyterLab a menu (a <select>) in an output does not get the arrow keys: it is not a text field, so the notebook's
# command-mode shortcuts take them and move to the next cell (jupyter-widgets/ipywidgets#3912; the selector
# ".jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus" in @jupyterlab/notebook-extension's shortcuts).
# Space opens the menu's list, where the arrow keys move and Enter picks.
LAB_MENU_KEYS = "Space ArrowDown Enter"

# What shows the focus: an outline, a shadow or a border colour the control does not have without it.
FOCUS_LOOK = (
    "e => { const s = getComputedStyle(e); return [s.outlineStyle === 'none' ? 'no outline' :"
    " `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, s.boxShadow, s.borderColor].join(' | '); }"
)


def tab_to(page, target, presses: int = 400) -> int:
    """Press Tab until target has the focus, as a keyboard user reaches a control, and check that the focus shows;
    returns the presses needed."""
    unfocused = target.evaluate(FOCUS_LOOK)
    for count in range(1, presses + 1):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            focused = target.evaluate(FOCUS_LOOK)
            assert focused != unfocused, f"no visible focus on {target}: {focused} with the focus and without"
            style, width, colour = target.evaluate(
                "e => { const s = getComputedStyle(e); return [s.outlineStyle, parseFloat(s.outlineWidth),"
                " s.outlineColor.match(/\\d+/g).slice(0, 3).map(Number)]; }"
            )
            strength = ratio(tuple(c / 255 for c in colour), "white")
            assert style != "none" and width >= 2 and strength >= 3, (
                f"weak focus on {target}: a {width} px {style} outline, {strength:.1f}:1 on white (needs 2 px, 3:1)"
            )
            return count
    raise AssertionError(f"{presses} presses of Tab never reached {target}")


def answer_and_move_by_keyboard(page, root: str, path: Path, shot: str, menu_keys: str = "") -> None:
    """Answer the lesson's first self-check with options (Tab to an option, Space, Tab to its button, Enter), then
    move its chart widget (KEYBOARD) with the keyboard alone; no error may appear. root: the element holding the
    lesson; shot: the screenshot taken with the widget's control in focus; menu_keys: the keys that change a menu
    instead of KEYBOARD's (LAB_MENU_KEYS in JupyterLab)."""
    lesson = page.locator(root)
    quiz = lesson.locator(".histkit-quiz").filter(has=page.locator("input[type=radio]")).first
    before = quiz.inner_text()
    option = quiz.locator("input[type=radio]").first
    tab_to(page, option)
    page.keyboard.press("Space")
    assert option.is_checked(), "Space did not choose the focused option"
    tab_to(page, quiz.locator("button").last, presses=5)
    page.keyboard.press("Enter")
    page.wait_for_function("([q, b]) => q.innerText !== b", arg=[quiz.element_handle(), before], timeout=20_000)
    container, control, key, watch = KEYBOARD[path.stem]
    widget = lesson.locator(container).first
    target = widget.locator(control).first
    shown = _content(widget.locator(watch).first)
    tab_to(page, target)
    page.screenshot(path=str(SHOTS / shot))
    is_menu = target.evaluate("e => e.tagName === 'SELECT'")
    for name in (menu_keys if is_menu and menu_keys else key).split():
        page.keyboard.press(name)
    try:
        page.wait_for_function(
            "([w, s, before]) => { const e = w.querySelector(s); const img = e.tagName === 'IMG' ? e :"
            " e.querySelector('img'); return (img ? img.getAttribute('src') : e.innerHTML) !== before; }",
            arg=[widget.element_handle(), watch, shown],
            timeout=20_000,
        )
    except PlaywrightTimeout:
        focus = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
        raise AssertionError(
            f"{container}: nothing changed after the keys on {control}; the focus is on {focus}"
        ) from None
    assert_no_errors(page, root)


@pytest.mark.parametrize("path, lang", BOTH, ids=BOTH_IDS)
def test_lesson_by_keyboard_alone_at_200_per_cent_zoom(path, lang, voila, voila_tmp, browser):
    """One self-check answered and one chart widget moved with Tab, Space, Enter and arrow keys only, in Voilà at
    200% zoom (a 1400 x 1000 window at zoom 200% is 700 x 500 CSS pixels, each two device pixels wide), in both
    editions (the Kazakh one's labels differ: every control is found by its CSS class)."""
    SHOTS.mkdir(exist_ok=True)
    stem = path.stem if lang == "en" else f"{path.stem}-kk"
    page = browser.new_page(viewport={"width": 700, "height": 500}, device_scale_factor=2)
    try:
        page.goto(f"{voila}/voila/render/{path.relative_to(ROOT / 'notebooks').as_posix()}")
        wait_for_every_self_check(page, "body", path, timeout=120_000)
        page.wait_for_load_state("networkidle")
        answer_and_move_by_keyboard(page, "body", path, f"{stem}-keyboard-focus.png")
        page.screenshot(path=str(SHOTS / f"{stem}-zoom200.png"), full_page=True)
    finally:
        page.close()
        forget_answers(voila_tmp, path)


# A student's path in JupyterLab: answer, restart the kernel, find the answers kept, hand in the page.
PATH_LESSON = "00-start-here"


def _menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel").get_by_text(menu, exact=True).click()
    page.locator(".lm-Menu-itemLabel").get_by_text(item, exact=True).click()


def _quiz_box(page, exercise_id_text: str):
    return page.locator(PANEL).locator(".histkit-quiz").filter(has_text=exercise_id_text).first


def _wait_until_run(page) -> None:
    page.wait_for_function(
        "(r) => { const p = [...document.querySelector(r).querySelectorAll('.jp-CodeCell .jp-InputPrompt')];"
        " return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.innerText)); }",
        arg=PANEL,
        timeout=120_000,
    )
    page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
    page.locator(PANEL).locator(".histkit-hand-in").wait_for(timeout=30_000)


def hand_in_and_download(page, root: str, name: str, shot: str) -> str:
    """Type the student's name in the lesson's hand-in form, make the record, download it; its text."""
    hand_in = page.locator(root).locator(".histkit-hand-in")
    hand_in.scroll_into_view_if_needed()
    hand_in.locator("input").fill(name)
    hand_in.locator("button").click()
    link = hand_in.locator("a[download]")
    link.wait_for(timeout=20_000)
    page.screenshot(path=str(SHOTS / shot))
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"histkit-record-{PATH_LESSON}.html"
    return Path(download.value.path()).read_text(encoding="utf-8")


def test_answers_survive_a_restart_and_are_handed_in(lab, lab_tmp, browser):
    base, token = lab
    folder = lab_tmp / "answers"  # where the server's kernels save answers (see _serve)
    saved = folder / f"histkit-answers-{PATH_LESSON}.json"
    record = folder / f"histkit-record-{PATH_LESSON}.html"
    for leftover in (saved, record):
        leftover.unlink(missing_ok=True)
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        page.goto(f"{base}/lab/workspaces/test-path/tree/notebooks/{PATH_LESSON}.ipynb?reset&token={token}")
        page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
        page.locator(".jp-StatusBar-Widget").get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
        _menu(page, "Run", "Run All Cells")
        _wait_until_run(page)

        years = _quiz_box(page, "How many whole years")
        years.scroll_into_view_if_needed()
        years.locator("input").fill("6")
        years.locator("button").click()
        years.get_by_text("Not yet.").wait_for(timeout=20_000)  # the first try is marked before the second
        years.locator("input").fill("5")
        years.locator("button").click()
        years.get_by_text("Found it after 2 tries.").wait_for(timeout=20_000)
        source = _quiz_box(page, "Which sentence does it cite?")
        source.scroll_into_view_if_needed()
        source.get_by_text("s123", exact=True).click()
        source.locator("button").click()
        source.get_by_text("Right on the first try.").wait_for(timeout=20_000)
        page.screenshot(path=str(SHOTS / "student-path-1-answered.png"))
        kept = json.loads(saved.read_text(encoding="utf-8"))["answers"]
        assert kept["00-years-between"]["answer"] == "5" and kept["00-years-between"]["tries"] == 2
        assert kept["00-find-the-sentence"] == {**kept["00-find-the-sentence"], "answer": "s123", "first_try": True}

        # Mark the self-checks on the page now: after the restart, only new outputs may be read, so wait until
        # every marked one is gone (the cells ran again) rather than for a fixed time.
        page.locator(PANEL).evaluate("p => p.querySelectorAll('.histkit-quiz').forEach(q => q.dataset.old = '1')")
        _menu(page, "Kernel", "Restart Kernel and Run All Cells…")
        page.locator(".jp-Dialog .jp-mod-accept").click()
        page.wait_for_function(
            "(r) => document.querySelector(r).querySelectorAll('.histkit-quiz[data-old]').length === 0",
            arg=PANEL,
            timeout=120_000,
        )
        _wait_until_run(page)
        years = _quiz_box(page, "How many whole years")
        years.scroll_into_view_if_needed()
        assert years.locator("input").input_value() == "5"
        years.get_by_text("Found it after 2 tries.").wait_for(timeout=20_000)
        page.screenshot(path=str(SHOTS / "student-path-2-after-restart.png"))

        downloaded = hand_in_and_download(page, PANEL, "Aigerim Sadykova", "student-path-3-hand-in.png")
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


def test_a_kazakh_student_hands_in_from_voila(voila, browser):
    """The Kazakh edition in Voilà, as a class without JupyterLab uses it: answer, then download the record."""
    exercise = histkit.load("exercises", lang="kk").set_index("exercise_id").loc["00-years-between"]
    path = ROOT / "notebooks" / "kk" / f"{PATH_LESSON}.ipynb"
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        page.goto(f"{voila}/voila/render/kk/{path.name}")
        wait_for_every_self_check(page, "body", path, timeout=120_000)
        years = page.locator(".histkit-quiz").filter(has_text=exercise["prompt"]).first
        years.scroll_into_view_if_needed()
        years.locator("input").fill(str(int(float(exercise["answer"]))))
        years.locator("button").click()
        years.get_by_text(t("first_try", "kk")).wait_for(timeout=20_000)
        downloaded = hand_in_and_download(page, "body", "Әйгерім Садықова", "student-path-kk-voila-hand-in.png")
        assert "Әйгерім Садықова" in downloaded and exercise["prompt"] in downloaded
        assert t("first_try", "kk") in downloaded
    finally:
        page.close()
