"""The three layers of histkit, read from the import statements of its source files.

core (``histkit/*.py``) < interface (``histkit/ui/``) < lessons (``histkit/lessons/``): a module may import
its own layer or a lower one, never a higher one, and no chain of imports may come back to where it started.
Imports inside functions count too: a deferred import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"core": 0, "ui": 1, "lessons": 2}


def module_name(path: Path, package_root: Path) -> str:
    parts = list(path.relative_to(package_root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ("ui", "lessons") else "core"


def imports_of(path: Path, package_root: Path, known: set[str]) -> set[str]:
    """The histkit modules that the file at path imports, anywhere in it."""
    name = module_name(path, package_root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = {f"{target}.{alias.name}" for alias in node.names} & known
            found |= submodules if len(submodules) == len(node.names) else submodules | {target}
    root = package_root.name
    return {m for m in found if m == root or m.startswith(root + ".")} & known - {name}


def graph(package_root: Path) -> dict[str, set[str]]:
    files = sorted(package_root.rglob("*.py"))
    known = {module_name(f, package_root) for f in files}
    return {module_name(f, package_root): imports_of(f, package_root, known) for f in files}


def upward_imports(edges: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{source} ({layer(source)}) imports {target} ({layer(target)})"
        for source, targets in edges.items()
        for target in targets
        if LAYERS[layer(target)] > LAYERS[layer(source)]
    )


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, each as the chain of modules that closes it (depth-first search)."""
    found, done = [], set()

    def visit(module, path):
        if module in path:
            found.append(path[path.index(module) :] + [module])
            return
        if module in done:
            return
        for target in sorted(edges.get(module, ())):
            visit(target, path + [module])
        done.add(module)

    for module in sorted(edges):
        visit(module, [])
    return found


def test_no_layer_imports_a_higher_one():
    problems = upward_imports(graph(ROOT / "histkit"))
    assert not problems, "A lower layer imports a higher one:\n" + "\n".join(problems)


def test_no_import_cycles():
    found = cycles(graph(ROOT / "histkit"))
    assert not found, "Import cycles:\n" + "\n".join(" -> ".join(chain) for chain in found)


def test_the_layers_are_folders():
    edges = graph(ROOT / "histkit")
    assert {layer(m) for m in edges} == set(LAYERS)
    assert "histkit.ui.quiz" in edges and "histkit.validation" in edges


def test_the_check_catches_an_upward_import_and_a_cycle(tmp_path):
    """The checks above can fail: a small package with one upward import and one cycle."""
    pkg = tmp_path / "histkit"
    (pkg / "ui").mkdir(parents=True)
    (pkg / "lessons").mkdir()
    for name in ("__init__.py", "ui/__init__.py", "lessons/__init__.py", "lessons/one.py"):
        (pkg / name).write_text("")
    (pkg / "core.py").write_text("def f():\n    from .ui import charts\n")  # a deferred upward import
    (pkg / "ui" / "charts.py").write_text("from .. import core\nfrom ..lessons import one\n")
    edges = graph(pkg)
    assert upward_imports(edges) == [
        "histkit.core (core) imports histkit.ui.charts (ui)",
        "histkit.ui.charts (ui) imports histkit.lessons.one (lessons)",
    ]
    assert ["histkit.core", "histkit.ui.charts", "histkit.core"] in cycles(edges)
