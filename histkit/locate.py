"""Find the data folder: the one that holds this package's datapackage.json."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

from .errors import DataNotFoundError

PACKAGE_NAME = "kazakhstan-industrialization-1925-1940"
ENV_VAR = "HISTKIT_DATA"


def candidate_folders() -> list[Path]:
    """The folders searched for the data, in order."""
    here = Path(__file__).resolve().parent
    env = os.environ.get(ENV_VAR)
    folders = [Path(env)] if env else []
    folders += [
        here / "data",  # installed from a wheel: data ships inside the package
        here.parent / "data",  # a source checkout, or an editable install
        Path.cwd() / "data",  # a notebook run from the project folder
        Path.cwd().parent / "data",  # a notebook run from notebooks/
    ]
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


def _is_our_package(folder: Path) -> bool:
    descriptor = folder / "datapackage.json"
    try:
        return json.loads(descriptor.read_text(encoding="utf-8")).get("name") == PACKAGE_NAME
    except (OSError, ValueError):
        return False


@cache
def _find(env_value: str | None, cwd: str) -> Path:
    folders = candidate_folders()
    if env_value:
        if _is_our_package(folders[0]):
            return folders[0]
        raise DataNotFoundError(
            f"{ENV_VAR} is set to {env_value}, but that folder holds no datapackage.json "
            f"for {PACKAGE_NAME}. Point {ENV_VAR} at the folder that holds datapackage.json, "
            f"or unset it."
        )
    for folder in folders:
        if _is_our_package(folder):
            return folder
    looked = "\n".join(f"  - {folder}" for folder in folders)
    raise DataNotFoundError(
        "histkit could not find its data folder (the folder that holds datapackage.json). "
        f"It looked in:\n{looked}\n"
        f"Set the {ENV_VAR} environment variable to the folder that holds datapackage.json, "
        "or reinstall histkit."
    )


def data_dir() -> Path:
    """The data folder, found once per working directory and setting."""
    return _find(os.environ.get(ENV_VAR), os.getcwd())


def seeds_dir() -> Path:
    """The folder with the source text: beside the data folder."""
    return data_dir().parent / "seeds"
