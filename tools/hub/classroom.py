"""A class on a real JupyterHub: students follow the teachers' nbgitpuller link, run a lesson, use a widget.

The hub runs on 127.0.0.1 with the dummy authenticator (any name logs in) and the simple local
spawner (one process and one home folder per student, under a temporary folder). The repository
the link pulls is a bare clone of this checkout whose ``main`` is the commit checked out here.
Each student, in a thread of their own, does what a browser does: logs in, opens the link (the hub
starts their server, nbgitpuller copies the repository into their home), runs every code cell of
the lesson through the server's kernel API and websocket, moves one filter of the lesson's widget
and waits for the new chart image, and saves a file of their own. :func:`run_class` returns what
happened and what it cost; every process the hub started is stopped on the way out.

Used by tests/test_hub.py (3 students, in ``make test``) and ``make classroom-bench`` (10 and 30).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import psutil
import requests
import websocket

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PROXY = Path(__file__).resolve().parent / "node_modules" / ".bin" / "configurable-http-proxy"
FOLDER = "kazakhstan-industrialization-lab"  # the repository's name: nbgitpuller's folder in each home
GITHUB = f"https://github.com/histkit/{FOLDER}"
LESSON = "03-metallurgy"  # its widget: the enterprise map with period and industry filters
WIDGET = "histkit-enterprises"  # the CSS class of that widget's box (as in tests/test_browser.py)
PNG_IMG = "src='data:image/png;base64,iVBORw0KGgo"  # a PNG picture inside an <img> (base64 of the PNG signature)
STEP_SECONDS = 120  # the most any one step of a student (one request, one cell) may take


def pull_link(hub: str, repo: str = GITHUB, lesson: str = "00-start-here", branch: str = "main") -> str:
    """The nbgitpuller link the teachers' guide gives: pull the repository, then open the lesson in JupyterLab."""
    query = urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{FOLDER}/notebooks/{lesson}.ipynb"})
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bare_clone(tmp: Path) -> Path:
    """A bare clone of this checkout whose ``main`` is the commit checked out here (what the class pulls)."""
    target = tmp / "git" / FOLDER
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(target)], check=True, timeout=60)
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    subprocess.run(["git", "-C", str(target), "update-ref", "refs/heads/main", head], check=True, timeout=30)
    return target


CONFIG = """\
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///{tmp}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp}/cookie_secret"
c.JupyterHub.pid_file = "{tmp}/hub.pid"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{tmp}/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
# Kernels talk to their server over local (ipc) sockets, not TCP ports: with thirty kernels starting at
# once, a TCP port the server picked could be taken before the kernel bound it ("Address already in
# use"), and a student's kernel died (jupyter_client's known port race). A socket's path has at most 107
# characters, so the sockets go in a short runtime folder per student. CI runs as root.
c.Spawner.args = ["--ServerApp.allow_root=True", "--KernelManager.transport=ipc"]
c.Spawner.environment = {{"JUPYTER_RUNTIME_DIR": "{runtime}/{{username}}"}}
c.Spawner.start_timeout = {timeout}
c.Spawner.http_timeout = {timeout}
c.JupyterHub.cleanup_servers = True
"""


class Hub:
    """JupyterHub and its proxy on free ports of 127.0.0.1; a context manager that stops all it started."""

    def __init__(self, tmp: Path, timeout: int = STEP_SECONDS):
        self.tmp = tmp
        self.runtime = Path(tempfile.mkdtemp(prefix="hub-rt-"))  # short: a socket path has at most 107 characters
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = CONFIG.format(port=self.port, hub_port=free_port(), api_port=free_port(), proxy=str(PROXY), tmp=tmp,
                               runtime=self.runtime, singleuser=str(BIN / "jupyterhub-singleuser"), timeout=timeout)  # fmt: skip
        (tmp / "home").mkdir(parents=True, exist_ok=True)
        (tmp / "jupyterhub_config.py").write_text(config, encoding="utf-8")
        self.process = None

    def __enter__(self) -> Hub:
        if not PROXY.exists():
            raise RuntimeError(f"{PROXY} is missing: make test installs it (npm ci in tools/hub)")
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
        env.pop("MPLBACKEND", None)
        with open(self.tmp / "hub.log", "w") as log:
            self.process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(self.tmp / "jupyterhub_config.py")],
                                            cwd=self.tmp, env=env, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if requests.get(f"{self.url}/hub/api", timeout=2).ok:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("JupyterHub did not start within 60 s:\n" + self.log()[-3000:])

    def log(self) -> str:
        return (self.tmp / "hub.log").read_text(encoding="utf-8", errors="replace")

    def processes(self) -> list[psutil.Process]:
        """The hub's processes: the proxy, every student's server and their kernels."""
        try:
            return psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def __exit__(self, *exc) -> None:
        if self.process is None:
            return
        started = self.processes()
        for process in started:  # the kernels, via their servers' own descendants
            with contextlib.suppress(psutil.NoSuchProcess):
                started.extend(c for c in process.children(recursive=True) if c not in started)
        self.process.terminate()  # the hub stops every server and the proxy (cleanup_servers)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        _, alive = psutil.wait_procs(started, timeout=10)
        for process in alive:
            process.kill()
        psutil.wait_procs(alive, timeout=10)
        shutil.rmtree(self.runtime, ignore_errors=True)


def student_processes(name: str) -> list[psutil.Process]:
    """A student's server and kernel: the processes whose environment names them as the hub's user."""
    mine = []
    for process in psutil.process_iter():
        try:
            if process.environ().get("JUPYTERHUB_USER") == name:
                mine.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return mine


class Student:
    """One browser: a login session at the hub, then the lesson through the server's REST and websocket API."""

    def __init__(self, hub: Hub, name: str, repo: str):
        self.hub, self.name, self.repo = hub, name, repo
        self.http = requests.Session()
        self.base = f"{hub.url}/user/{name}"
        self.times: dict[str, float] = {}
        self.comms: dict[str, dict] = {}  # widget model id -> state, from the kernel's comm_open messages

    def _get(self, url: str, **kwargs) -> requests.Response:
        response = self.http.get(url, timeout=STEP_SECONDS, **kwargs)
        response.raise_for_status()
        return response

    def _api(self, method: str, path: str, **kwargs) -> requests.Response:
        xsrf = next(c.value for c in self.http.cookies if c.name == "_xsrf" and c.path.startswith(f"/user/{self.name}"))
        response = self.http.request(method, f"{self.base}/api/{path}", headers={"X-XSRFToken": xsrf},
                                     timeout=STEP_SECONDS, **kwargs)  # fmt: skip
        response.raise_for_status()
        return response

    def open_link(self) -> None:
        """Log in, follow the nbgitpuller link until nbgitpuller has pulled, and open the lesson it points to."""
        start = time.monotonic()
        link = pull_link(self.hub.url, self.repo, LESSON)
        login = self._get(link)  # not logged in yet: the hub asks who this is
        xsrf = next(c.value for c in self.http.cookies if c.name == "_xsrf")
        page = self.http.post(
            login.url, data={"username": self.name, "password": "class", "_xsrf": xsrf}, timeout=STEP_SECONDS
        )
        page.raise_for_status()
        deadline = time.monotonic() + STEP_SECONDS
        while "/spawn-pending/" in page.url:  # the hub is starting the server: the page waits, then goes on
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}'s server did not start within {STEP_SECONDS} s")
            time.sleep(1)
            page = self._get(self.hub.url + parse_qs(urlsplit(page.url).query)["next"][0])
        self.times["server_ready_s"] = time.monotonic() - start
        if "data-repo=" not in page.text:
            raise AssertionError(f"the link did not reach nbgitpuller's page: {page.url}")
        values = {k: unquote(v) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', page.text)}
        query = urlencode(
            {
                "_xsrf": values["xsrf"],
                "repo": values["repo"],
                "targetpath": values["targetpath"],
                "branch": values["branch"],
            }
        )
        with self.http.get(f"{self.base}/git-pull/api?{query}", stream=True, timeout=STEP_SECONDS) as events:
            events.raise_for_status()
            phases = [
                json.loads(line[5:]) for line in events.iter_lines(decode_unicode=True) if line.startswith("data:")
            ]
        if not phases or phases[-1].get("phase") != "finished":
            raise AssertionError(f"nbgitpuller did not finish: {phases[-1] if phases else 'no answer'}")
        self._get(f"{self.base}/{values['path']}")  # where the page then goes: the lesson in JupyterLab
        self.times["pulled_s"] = time.monotonic() - start

    def run_lesson(self) -> list[str]:
        """Run every code cell of the pulled lesson in a new kernel; return the errors and stderr it printed."""
        start = time.monotonic()
        path = f"{FOLDER}/notebooks/{LESSON}.ipynb"
        notebook = self._api("GET", f"contents/{path}").json()["content"]
        session = self._api("POST", "sessions", json={"path": path, "type": "notebook", "name": LESSON,
                                                      "kernel": {"name": "python3"}}).json()  # fmt: skip
        self.kernel = session["kernel"]["id"]
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        self.ws = websocket.create_connection(
            f"ws://127.0.0.1:{self.hub.port}/user/{self.name}/api/kernels/{self.kernel}/channels?session_id={uuid.uuid4().hex}",
            cookie=cookies,
            timeout=STEP_SECONDS,
        )
        problems = []
        try:
            for cell in notebook["cells"]:
                if cell["cell_type"] == "code":
                    problems += self.execute("".join(cell["source"]))
            self.times["lesson_ran_s"] = time.monotonic() - start
            problems += self.use_widget()
        except Exception:
            self.ws.close()
            raise
        return problems

    def _send(self, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "session": self.name, "username": self.name, "version": "5.3",
                  "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}  # fmt: skip
        self.ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                                 "channel": "shell", "buffers": []}))  # fmt: skip
        return msg_id

    def _receive(self) -> dict:
        frame = self.ws.recv()
        if isinstance(frame, bytes):  # a message with binary buffers (an image): offsets, then the JSON
            count = struct.unpack("!I", frame[:4])[0]
            offsets = struct.unpack(f"!{count}I", frame[4 : 4 + 4 * count])
            message = json.loads(frame[offsets[0] : offsets[1] if count > 1 else None])
            message["buffers"] = [frame[a:b] for a, b in zip(offsets[1:], [*offsets[2:], len(frame)])]
            return message
        return json.loads(frame)

    def execute(self, code: str) -> list[str]:
        """Run code in the kernel until it is idle again; return errors and stderr; keep the widgets it opened."""
        msg_id = self._send("execute_request", {"code": code, "silent": False, "store_history": True,
                                                "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})  # fmt: skip
        problems, idle, replied = [], False, False
        while not (idle and replied):
            message = self._receive()
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "error":
                problems.append(f"{content['ename']}: {content['evalue']}")
            elif kind == "stream" and content["name"] == "stderr":
                problems.append(f"stderr: {content['text']}")
            elif kind == "comm_open":
                self.comms[content["comm_id"]] = dict(content["data"]["state"])
            elif kind == "comm_msg" and content["data"].get("method") == "update" and content["comm_id"] in self.comms:
                self.comms[content["comm_id"]].update(content["data"]["state"])  # e.g. the CSS class added after
            elif kind == "execute_reply":
                replied = True
                if content["status"] != "ok":
                    problems.append(f"execute_reply {content['status']}")
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return problems

    def use_widget(self) -> list[str]:
        """Click the second period filter of the lesson's map, as the browser would; wait for the new image."""
        start = time.monotonic()
        box = next((s for s in self.comms.values() if WIDGET in s.get("_dom_classes", [])), None)
        if box is None:
            return [f"no {WIDGET} widget came out of the lesson"]
        children = [
            self.comms[c.removeprefix("IPY_MODEL_")] | {"id": c.removeprefix("IPY_MODEL_")} for c in box["children"]
        ]
        filters = next(c for c in children if c["_model_name"] == "ToggleButtonsModel")
        # the map's picture: an HTML widget holding <img alt=… src=data:image/png…> (histkit.ui.widgets.ChartImage)
        image = next(c for c in children if c["_model_name"] == "HTMLModel" and PNG_IMG in c.get("value", ""))
        self._send(
            "comm_msg",
            {"comm_id": filters["id"], "data": {"method": "update", "state": {"index": 1}, "buffer_paths": []}},
        )
        deadline = time.monotonic() + STEP_SECONDS
        while time.monotonic() < deadline:
            message = self._receive()
            content = message["content"]
            state = content.get("data", {}).get("state", {})
            if message["msg_type"] == "comm_msg" and content.get("comm_id") == image["id"] and "value" in state:
                self.times["widget_s"] = time.monotonic() - start
                changed = state["value"] != image["value"]
                return [] if changed and PNG_IMG in state["value"] else ["the chart did not change to a new PNG image"]
        return [f"no new chart image within {STEP_SECONDS} s of moving the filter"]

    def save_own_file(self) -> None:
        """Write a file into their own home folder through their server, as 'Save' does."""
        self._api(
            "PUT", "contents/my-notes.txt", json={"type": "file", "format": "text", "content": f"notes of {self.name}"}
        )

    def measure(self) -> dict:
        """Memory (RSS) and CPU time of this student's server and kernel, now."""
        rss = cpu = 0.0
        for process in student_processes(self.name):
            try:
                rss += process.memory_info().rss
                times = process.cpu_times()
                cpu += times.user + times.system
            except psutil.NoSuchProcess:
                continue
        return {"memory_mib": round(rss / 2**20, 1), "cpu_s": round(cpu, 2)}

    def close(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()


def _attend(hub: Hub, name: str, repo: str, start: float) -> dict:
    student = Student(hub, name, repo)
    result = {"name": name, "problems": []}
    try:
        student.open_link()
        result["problems"] = student.run_lesson()
        student.save_own_file()
        result["ready_s"] = round(time.monotonic() - start, 2)
        result |= student.measure()
    except Exception as error:  # a failure is a finding: report it with the others, after the last step done
        done = list(student.times)[-1] if student.times else "nothing"
        result["problems"].append(f"{type(error).__name__} after {done} ({time.monotonic() - start:.0f} s): {error}")
    finally:
        student.close()
    result["times"] = {k: round(v, 2) for k, v in student.times.items()}
    return result


def files_reached_others(tmp: Path, names: list[str]) -> list[str]:
    """Where a student's files ended up outside their own home: every home holds its own notes and nothing else's."""
    found = []
    for name in names:
        notes = tmp / "home" / name / "my-notes.txt"
        if not notes.exists() or notes.read_text(encoding="utf-8") != f"notes of {name}":
            found.append(f"{name}'s notes are missing or not theirs")
    for name in names:
        for other in names:
            if other != name and any(p.name == other for p in (tmp / "home" / name).rglob("*")):
                found.append(f"{name}'s home holds a file named after {other}")
    return found


def _command(process: psutil.Process) -> str:
    """A process's command line, or '' for one that has ended (a zombie has none to read)."""
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def run_class(students: int, tmp: Path) -> dict:
    """A class of students at once on a fresh hub: timings, memory, CPU and failures (JSON-ready)."""
    repo = "file://" + str(bare_clone(tmp))
    names = [f"student{i:02d}" for i in range(1, students + 1)]
    with Hub(tmp) as hub:
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=students) as pool:
            results = list(pool.map(lambda name: _attend(hub, name, repo, start), names))
        everyone = time.monotonic() - start
        hub_rss = sum(p.memory_info().rss for p in [psutil.Process(hub.process.pid)] + [p for p in hub.processes()
                      if "configurable-http-proxy" in _command(p)])  # fmt: skip
    leaks = files_reached_others(tmp, names)
    done = [r for r in results if "memory_mib" in r]
    report = {
        "students": students,
        "lesson": LESSON,
        "cpus": os.cpu_count(),
        "all_ready_s": round(everyone, 1),
        "ready_s": _spread([r["ready_s"] for r in done]),
        "server_ready_s": _spread([r["times"]["server_ready_s"] for r in results if "server_ready_s" in r["times"]]),
        "memory_per_student_mib": _spread([r["memory_mib"] for r in done]),
        "cpu_per_student_s": _spread([r["cpu_s"] for r in done]),
        "hub_and_proxy_mib": round(hub_rss / 2**20, 1),
        "failures": [f"{r['name']}: {p}" for r in results for p in r["problems"]] + leaks,
    }
    return report


def _spread(values: list[float]) -> dict:
    if not values:
        return {}
    values = sorted(values)
    return {"median": values[len(values) // 2], "max": values[-1], "min": values[0], "total": round(sum(values), 1)}


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="A class on a real JupyterHub, measured (prints JSON).")
    parser.add_argument("students", type=int, nargs="+", help="class sizes to run, one after the other")
    args = parser.parse_args()
    reports = []
    for count in args.students:
        with tempfile.TemporaryDirectory(prefix="classroom-") as tmp:
            reports.append(run_class(count, Path(tmp)))
            if reports[-1]["failures"]:  # keep the hub's log (servers' and kernels' too) to find the cause
                kept = ROOT / "benchmarks" / "results" / f"classroom-{count}-hub.log"
                kept.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(Path(tmp) / "hub.log", kept)
                reports[-1]["hub_log"] = str(kept.relative_to(ROOT))
        print(json.dumps(reports[-1]), file=sys.stderr, flush=True)
    machine = {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
               "date": time.strftime("%Y-%m-%d", time.gmtime())}  # fmt: skip
    print(json.dumps({"machine": machine, "classes": reports}, indent=2))
    if any(r["failures"] for r in reports):
        sys.exit(1)


if __name__ == "__main__":
    main()
