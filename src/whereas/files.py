"""Which files a check looks at: the paths given, with directories walked."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whereas.errors import InputError

#: extensions of the files a directory walk picks up (a file named on the command line is always read)
EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".docx", ".odt", ".html", ".htm", ".pdf", ".xml"})
#: directories never walked into (besides hidden ones, whose names start with a dot)
SKIP_DIRS = frozenset({".venv", "venv", "node_modules", "__pycache__"})


@dataclass(frozen=True)
class Collected:
    files: tuple[Path, ...]
    errors: tuple[InputError, ...]  # paths that do not exist
    walked: frozenset[Path] = frozenset()  # the files found by walking a directory (not named)


def collect(paths: Iterable[str | Path]) -> Collected:
    """The files to check, in a stable order, without duplicates.

    A file named explicitly is taken whatever its extension; a directory is walked for files with
    one of ``EXTENSIONS``, skipping hidden directories, ``.venv`` and ``node_modules``. A path that
    does not exist is an error (reported, not raised, so the other paths are still checked).
    """
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    walked: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in walk(p):
                walked.add(f)
                add(f)
        elif p.exists():
            add(p)
        else:
            errors.append(InputError(str(raw), "no such file or directory"))
    return Collected(tuple(files), tuple(errors), frozenset(walked))


def walk(root: Path) -> list[Path]:
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(names):
            if name.startswith("."):
                continue
            if os.path.splitext(name)[1].lower() in EXTENSIONS:
                found.append(Path(folder) / name)
    return found
