"""Files: which ones a command looks at (the paths given, with directories walked), and writing them
safely (atomically, and fixed text back in the file's own encoding and line endings)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from whereas.errors import InputError, UsageError
from whereas.readers.formats import EXTENSIONS  # a directory walk picks these up (a named file is always read)

#: directories never walked into (besides hidden ones, whose names start with a dot)
SKIP_DIRS = frozenset({".venv", "venv", "node_modules", "__pycache__"})


# (a NamedTuple: a frozen dataclass costs five times as much to create at start-up; docs/performance.md)
class Collected(NamedTuple):
    files: tuple[Path, ...]
    errors: tuple[InputError, ...]  # paths that do not exist
    walked: frozenset[Path] = frozenset()  # the files found by walking a directory (not named)


def collect(paths: Iterable[str | Path]) -> Collected:
    """The files of :class:`Files`, listed, with the errors and the files found by walking."""
    found = Files(paths)
    files: list[Path] = []
    walked: set[Path] = set()
    for path, by_walking in found:
        files.append(path)
        if by_walking:
            walked.add(path)
    return Collected(tuple(files), found.errors, frozenset(walked))


class Files:
    """The files to check, in a stable order, without duplicates, found as they are asked for:
    iterating gives each file and whether it was found by walking a directory (not named), walking
    the directories as it goes, so that nothing grows with the number of files found.

    A file named explicitly is taken whatever its extension; a directory is walked for files with
    one of ``EXTENSIONS`` (each directory's files in name order, then its subdirectories in name
    order), skipping hidden directories, ``.venv`` and ``node_modules``.  A path that does not exist
    is an error (in ``errors``, known before any file is found; the other paths are still walked).

    A file is taken once however many ways lead to it (named twice, a folder inside another one given, a
    symbolic link), without a set of every file taken: a walk reaches each file once, except through a
    link.  Remembered are the files named, the files links lead to and the folders given: a folder given
    before is not walked again, nor a folder inside one given before, and a link to a file that the walk
    of a given folder reaches is skipped (the file is taken under its own name).
    """

    def __init__(self, paths: Iterable[str | Path]) -> None:
        self.paths = [(str(raw), Path(raw)) for raw in paths]
        self.errors = tuple(InputError(raw, "no such file or directory") for raw, p in self.paths if not p.exists())
        #: the real path of each folder given, and the position of the first path naming it
        self._folders: dict[str, int] = {}
        for i, (_, p) in enumerate(self.paths):
            if p.is_dir():
                self._folders.setdefault(os.path.realpath(p), i)

    def __iter__(self) -> Iterator[tuple[Path, bool]]:
        seen: set[str] = set()  # the real paths of the files named, and of those links lead to
        for i, (_, p) in enumerate(self.paths):
            if p.is_dir():
                real = os.path.realpath(p)
                if self._folders[real] != i or self._reached(real, before=i, folder=True):
                    continue  # walked already
                for f, key, link in self._walk(p, i):
                    if key in seen:
                        continue
                    if link:
                        if self._reached(key, before=len(self.paths)):
                            continue  # taken under its own name, by a folder's walk
                        seen.add(key)
                    yield f, True
            elif p.exists():
                key = os.path.realpath(p)
                if key not in seen and not self._reached(key, before=i):
                    seen.add(key)
                    yield p, False

    def _walk(self, root: Path, i: int) -> Iterator[tuple[Path, str, bool]]:
        """The files a walk of ``root`` (given at position ``i``) finds, each with its real path and
        whether it is a symbolic link.  A folder given before ``i`` is not walked into (it was)."""
        for folder, dirs, names in os.walk(root):
            real_folder = os.path.realpath(folder)  # one per folder: a file's own path resolves only if it is a link
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".")
                and d not in SKIP_DIRS
                and self._folders.get(os.path.join(real_folder, d), i) >= i
            )
            for name in sorted(names):
                if name.startswith(".") or os.path.splitext(name)[1].lower() not in EXTENSIONS:
                    continue
                f = Path(folder) / name
                if os.path.islink(f):
                    yield f, os.path.realpath(f), True
                else:
                    yield f, os.path.join(real_folder, name), False

    def _reached(self, real: str, *, before: int, folder: bool = False) -> bool:
        """Whether the walk of a folder given before position ``before`` reaches the file whose real path
        is ``real`` (with ``folder``: the folder, whose files it then reaches)."""
        if not folder:
            name = os.path.basename(real)
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in EXTENSIONS:
                return False
            real = os.path.dirname(real)
        while self._folders.get(real, before) >= before:
            real, name = os.path.split(real)
            if not name or name.startswith(".") or name in SKIP_DIRS:
                return False
        return True


def write_back(path: Path, text: str, *, named: bool = True) -> None:
    """Write fixed text with the file's own encoding, byte-order mark and line endings.

    ``path`` may be a symbolic link: the file it points at is rewritten and the link stays, if the
    user ``named`` it (see :func:`write_atomically`).
    """
    refuse_unnamed_link(path, named)
    from whereas.readers.text import bom_encoding

    raw = path.read_bytes()
    encoding = bom_encoding(raw)  # UTF-16 or UTF-32
    if encoding is None and raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif encoding is None:
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    ending = line_ending(raw.decode(encoding, errors="replace"))
    if ending != "\n":
        text = text.replace("\n", ending)
    write_atomically(path, text.encode(encoding), named=named)


def line_ending(text: str) -> str:
    """The line ending most of ``text``'s lines end with: ``"\r\n"``, ``"\r"`` (classic Mac) or
    ``"\n"`` (also for a text without any)."""
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\r": text.count("\r") - crlf, "\n": text.count("\n") - crlf}
    best = max(counts, key=counts.__getitem__)  # a tie goes to CRLF, then CR
    return best if counts[best] else "\n"


#: the temporary files :func:`write_atomically` makes: ``.NAME.`` + mkstemp's 8 random characters + ``.tmp``
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")
#: a temporary file older than this (seconds) is one a killed whereas left behind
STALE_TEMP_AGE = 60.0
#: per directory (its real path): the stale temporary files found in it, by the name they stood for
_stale_temps: dict[str, dict[str, list[str]]] = {}


def refuse_unnamed_link(path: Path, named: bool) -> None:
    """Refuse to write through ``path`` if it is a symbolic link that the user did not name: one found in a
    directory walk, or planted where whereas writes a file of its own naming (``X.formatted.docx``).
    Such a link may lead anywhere (``../../home/victim/.bashrc``)."""
    if not named and os.path.islink(path):
        raise InputError(
            str(path),
            f"is a symbolic link (to {os.readlink(path)}); whereas writes through a link only when it is "
            "named on the command line (name it, or remove the link)",
        )


def write_atomically(path: Path, data: bytes, *, named: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    Readers never see a half-written file, and an interrupted write (an exception, Ctrl-C, SIGTERM
    once the CLI has turned it into an exception) removes the temporary file and leaves the old file
    whole.  A process killed outright (SIGKILL) cannot clean up: its ``.NAME.xxxxxxxx.tmp`` file is
    removed by the next write to NAME once it is over a minute old.  A symbolic link is written
    through if the user ``named`` it: the file it points at is replaced, the link stays; one the user
    did not name is refused (:func:`refuse_unnamed_link`).  An existing file keeps its permissions; a
    new one gets 0644.
    """
    import tempfile

    refuse_unnamed_link(path, named)
    path = _through_links(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(f"{directory}: no such directory")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    remove_stale_temps(directory, path.name)
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


def _through_links(path: Path) -> Path:
    """The file a symbolic link ``path`` points at (through every link); ``path`` itself otherwise."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def remove_stale_temps(directory: Path, name: str) -> list[str]:
    """Remove the temporary files a killed whereas left for ``name`` in ``directory``: regular files
    named ``.NAME.xxxxxxxx.tmp`` (exactly) and over :data:`STALE_TEMP_AGE` seconds old.  The
    directory is listed once per process.  Returns the paths removed."""
    key = os.path.realpath(directory)
    if key not in _stale_temps:
        _stale_temps[key] = _find_stale_temps(directory)
    removed = []
    for tmp in _stale_temps[key].pop(name, []):
        try:
            os.unlink(tmp)
            removed.append(tmp)
        except OSError:  # gone already (another whereas), or not ours to remove
            pass
    return removed


def _find_stale_temps(directory: Path) -> dict[str, list[str]]:
    """The stale temporary files in ``directory``, by the name they stood for."""
    import stat
    import time

    found: dict[str, list[str]] = {}
    now = time.time()
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return found
    for entry in entries:
        m = _TEMP_NAME.fullmatch(entry.name)
        if not m:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMP_AGE:
            found.setdefault(m.group("name"), []).append(entry.path)
    return found
