"""A class on a real JupyterHub: three students follow the teachers' nbgitpuller link at once.

tools/hub/classroom.py starts JupyterHub (dummy logins, one local server and home folder per
student) on 127.0.0.1; each student logs in, opens the link, lets nbgitpuller pull this repository
(a bare clone of this checkout), runs every cell of a lesson, moves a filter of its map and saves a
file. `make classroom-bench` runs the same class with 10 and 30 students. Run only this: pytest -m hub
"""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools" / "hub"))
import classroom

pytestmark = pytest.mark.hub


def test_the_guide_gives_the_link_the_class_follows():
    link = classroom.pull_link("https://<your-hub>")
    assert link in (ROOT / "docs" / "teachers.md").read_text(encoding="utf-8")


def test_a_class_of_three_runs_a_lesson_on_jupyterhub(tmp_path):
    report = classroom.run_class(3, tmp_path)
    assert report["failures"] == []
    assert report["ready_s"] and report["memory_per_student_mib"]["min"] > 50  # a server and a kernel each
    log = (tmp_path / "hub.log").read_text(encoding="utf-8")
    for number in (1, 2, 3):
        assert f"200 GET /user/student0{number}/git-pull?" in log  # each came in through nbgitpuller's link
    assert classroom.student_processes("student01") == []  # the hub stopped every server it started
