"""Which files a check looks at: the paths given, with directories walked."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whereas.errors import InputError, UsageError

#: extensions of the files a directory walk picks up (a file named on the command line is always read)
EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".docx", ".doc", ".odt", ".html", ".htm", ".pdf", ".xml"})
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
    seen: set[str] = set()  # real paths
    walked: set[Path] = set()

    def add(p: Path, key: str | None = None) -> None:
        key = key or os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            files.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            real_folders: dict[Path, str] = {}
            for f in walk(p):
                walked.add(f)
                # one realpath per folder, not per file: a file's own path resolves only if it is a link
                folder = f.parent
                if folder not in real_folders:
                    real_folders[folder] = os.path.realpath(folder)
                add(f, None if os.path.islink(f) else os.path.join(real_folders[folder], f.name))
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


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    Readers never see a half-written file, and an interrupted write leaves the old file whole.
    An existing file keeps its permissions; a new one gets 0644.
    """
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(f"{directory}: no such directory")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
