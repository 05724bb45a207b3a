"""Evidence archives are safe to point anywhere: no file that is not a WARC is written, the default
archive is never written through a symbolic link, and damage is repaired without losing a readable record.

Real files and the real command line (a subprocess); the only server is on 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from conftest import run_cli
from verify_server import Server
from whereas.errors import InputError
from whereas.verify.archive import Archive, Exchange


@pytest.fixture()
def server():
    s = Server()
    yield s
    s.close()


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``whereas ARGS`` (conftest's ``run_cli``); ``verify`` and ``check --verify`` may fetch from the loopback
    test server."""
    if args[0] == "verify" or "--verify" in args:
        args = (*args, "--allow-host", "127.0.0.1")
    return run_cli(*args, cwd=cwd)


def resolution(server: Server, directory: Path) -> Path:
    """A resolution quoting one page of ``server``."""
    url = server.page("/doc", "Document", "The council will review the budget soon.")
    path = directory / "res.txt"
    path.write_text(
        f'Whereas "the council will review the budget"[endnoteRef:1]; [1:  Council. "Document". {url}]\n\nRESOLVED, that we act.\n',
        encoding="utf-8",
    )
    return path


def word_file(path: Path) -> bytes:
    """A real (small) .docx: a ZIP file with the parts Word writes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document><w:body><w:p>Minutes of the meeting</w:p></w:body></w:document>',
        )
    return path.read_bytes()


def exchange(i: int) -> Exchange:
    return Exchange(
        f"https://e{i}.example/page",
        200,
        "OK",
        (("Content-Type", "text/plain"),),
        (f"page {i} says something. " * 40).encode(),
        "2026-01-01T00:00:00.000000+00:00",
    )


def archive_of(path: Path, n: int) -> None:
    """An archive of ``n`` exchanges: a warcinfo record, then a request and a response each (2n + 1 records)."""
    with Archive(path) as archive:
        for i in range(n):
            archive.put(exchange(i))


def extents(path: Path) -> list[tuple[int, int, str]]:
    """(offset, end, type) of each record of a readable archive."""
    with open(path, "rb") as f:
        it = ArchiveIterator(f)
        out = []
        for r in it:
            it.read_to_end(r)
            out.append((it.get_record_offset(), it.get_record_offset() + it.get_record_length(), r.rec_type))
        return out


def readable_records(path: Path) -> int:
    return len(extents(path))


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


# --- a file that is no WARC ----------------------------------------------------------------------


@pytest.mark.parametrize("offline", [False, True])
def test_a_word_file_given_as_archive_is_refused_and_left_byte_identical(
    server: Server, tmp_path: Path, offline: bool
) -> None:
    doc = resolution(server, tmp_path)
    docx = tmp_path / "important.docx"
    before = word_file(docx)
    proc = run("verify", doc, "--archive", docx, "--no-wayback", *(["--offline"] if offline else []), cwd=tmp_path)
    line = one_error_line(proc)
    assert "important.docx" in line and "not a WARC archive (it starts like a Word file)" in line
    assert docx.read_bytes() == before
    assert not server.hits  # refused before anything was fetched


def test_check_verify_refuses_a_word_file_too(server: Server, tmp_path: Path) -> None:
    doc = resolution(server, tmp_path)
    docx = tmp_path / "important.docx"
    before = word_file(docx)
    proc = run("check", doc, "--verify", "--archive", docx, cwd=tmp_path)
    assert "not a WARC archive" in one_error_line(proc)
    assert docx.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"export PATH=$HOME/bin:$PATH\n", "a text file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file"),
        (__import__("gzip").compress(b"just some text, compressed\n"), "a gzip file that holds no WARC record"),
        (bytes(range(256)) * 4, "binary data"),
    ],
)
def test_anything_else_that_is_no_warc_is_refused_too(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "notes"
    path.write_bytes(content)
    with pytest.raises(
        InputError, match=f"not a WARC archive \\(it starts like {kind}\\); whereas will not write into it"
    ):
        Archive(path)
    assert path.read_bytes() == content


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        Archive(tmp_path)


def test_new_empty_and_plain_warc_files_are_written(tmp_path: Path) -> None:
    new = tmp_path / "sub" / "new.warc.gz"
    archive_of(new, 2)
    assert [kind for *_, kind in extents(new)] == ["warcinfo", "request", "response", "request", "response"]
    empty = tmp_path / "empty.warc.gz"
    empty.touch()
    archive_of(empty, 1)
    assert readable_records(empty) == 3 and Archive(empty).urls == {"https://e0.example/page"}
    # a plain (uncompressed) WARC file written by another tool is appended to, its records kept
    from io import BytesIO

    from warcio.warcwriter import WARCWriter

    plain = tmp_path / "plain.warc"
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(
        writer.create_warc_record("https://plain.example/", "resource", payload=BytesIO(b"hello"), length=5)
    )
    plain.write_bytes(buffer.getvalue())
    with Archive(plain) as archive:
        assert archive.repaired is None
        archive.put(exchange(7))
    assert plain.read_bytes().startswith(buffer.getvalue())
    assert [kind for *_, kind in extents(plain)] == ["resource", "request", "response"]


# --- symbolic links ------------------------------------------------------------------------------


def _victims(tmp_path: Path) -> tuple[Path, Path]:
    """A text file and a WARC file outside the repository that links to them."""
    home = tmp_path / "home"
    home.mkdir()
    bashrc = home / "victim.bashrc"
    bashrc.write_text("export EDITOR=vi\n", encoding="utf-8")
    warc = home / "other.warc.gz"
    archive_of(warc, 1)
    return bashrc, warc


@pytest.mark.parametrize("target", ["bashrc", "warc"])
@pytest.mark.parametrize("command", ["verify", "check"])
def test_a_symlinked_default_archive_is_not_written_through(
    server: Server, tmp_path: Path, target: str, command: str
) -> None:
    bashrc, warc = _victims(tmp_path)
    victim = bashrc if target == "bashrc" else warc
    before = victim.read_bytes()
    repo = tmp_path / "repo"
    (repo / ".whereas").mkdir(parents=True)
    doc = resolution(server, repo)
    (repo / ".whereas" / "evidence.warc.gz").symlink_to(os.path.relpath(victim, repo / ".whereas"))
    args = ["verify", doc, "--no-wayback"] if command == "verify" else ["check", doc, "--verify"]
    line = one_error_line(run(*args, cwd=repo))
    assert "evidence.warc.gz" in line and "symbolic link" in line
    assert victim.read_bytes() == before
    assert not server.hits
    assert not list(victim.parent.glob("*.damaged-*"))


@pytest.mark.parametrize("archive_there", [True, False])
def test_a_symlinked_whereas_directory_is_not_written_through(
    server: Server, tmp_path: Path, archive_there: bool
) -> None:
    _, warc = _victims(tmp_path)
    before = warc.read_bytes()
    if archive_there:
        (warc.parent / "evidence.warc.gz").write_bytes(before)
    repo = tmp_path / "repo"
    repo.mkdir()
    doc = resolution(server, repo)
    (repo / ".whereas").symlink_to(warc.parent)
    line = one_error_line(run("verify", doc, "--no-wayback", cwd=repo))
    assert "directory .whereas is a symbolic link" in line
    assert sorted(p.name for p in warc.parent.iterdir()) == ["evidence.warc.gz"] * archive_there + [
        "other.warc.gz",
        "victim.bashrc",
    ]
    if archive_there:
        assert (warc.parent / "evidence.warc.gz").read_bytes() == before


def test_a_symlinked_default_archive_is_still_read_offline(server: Server, tmp_path: Path) -> None:
    """Offline nothing is written: the link is read like any archive."""
    repo = tmp_path / "repo"
    (repo / ".whereas").mkdir(parents=True)
    doc = resolution(server, repo)
    shared = tmp_path / "shared.warc.gz"
    assert run("verify", doc, "--archive", shared, "--no-wayback", cwd=repo).returncode == 0
    before = shared.read_bytes()
    (repo / ".whereas" / "evidence.warc.gz").symlink_to(shared)
    proc = run("verify", doc, "--offline", cwd=repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert shared.read_bytes() == before


def test_an_archive_named_explicitly_may_be_a_link(server: Server, tmp_path: Path) -> None:
    doc = resolution(server, tmp_path)
    real = tmp_path / "store" / "real.warc.gz"
    real.parent.mkdir()
    archive_of(real, 1)
    link = tmp_path / "link.warc.gz"
    link.symlink_to(real)
    proc = run("verify", doc, "--archive", link, "--no-wayback", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert link.is_symlink() and server.url("/doc") in Archive(real).urls


# --- damage --------------------------------------------------------------------------------------


def flip_byte_in_record(path: Path, index: int) -> tuple[int, int]:
    """Flip a byte in the middle of record ``index``; its (start, end)."""
    start, end, _ = extents(path)[index]
    data = bytearray(path.read_bytes())
    data[(start + end) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    return start, end


def test_a_flipped_byte_loses_only_its_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ev.warc.gz"
    archive_of(path, 6)
    assert readable_records(path) == 13
    start, end = flip_byte_in_record(path, 6)  # the response of exchange 2
    damaged = path.read_bytes()
    # before the repair, readers already see every readable record
    assert Archive(path, writable=False).urls == {f"https://e{i}.example/page" for i in (0, 1, 3, 4, 5)}
    archive = Archive(path)
    assert archive.repaired is not None
    assert f"{end - start} damaged bytes" in archive.repaired and "12 records kept" in archive.repaired
    assert readable_records(path) == 12  # readable from end to end
    assert archive.urls == {f"https://e{i}.example/page" for i in (0, 1, 3, 4, 5)}
    for i in (0, 1, 3, 4, 5):
        assert archive.get(f"https://e{i}.example/page").body == exchange(i).body
    aside = list(tmp_path.glob("ev.warc.gz.damaged-*"))
    assert len(aside) == 1 and str(aside[0]) in archive.repaired
    assert aside[0].read_bytes() == damaged  # the archive as it was: the damaged bytes with it
    archive.put(exchange(2))  # fetched again, appended after the kept records
    archive.close()
    assert readable_records(path) == 14 and len(Archive(path).urls) == 6
    assert Archive(path).repaired is None  # repaired once


def test_damage_in_the_first_record_and_a_torn_end(tmp_path: Path) -> None:
    path = tmp_path / "ev.warc.gz"
    archive_of(path, 3)
    start, end, _ = extents(path)[-1]
    flip_byte_in_record(path, 0)  # the warcinfo record
    with open(path, "ab") as f:
        f.write(path.read_bytes()[start : (start + end) // 2])  # and half a record at the end
    archive = Archive(path)
    assert archive.repaired and "6 records kept" in archive.repaired
    assert archive.urls == {f"https://e{i}.example/page" for i in range(3)}
    assert readable_records(path) == 6
    assert [kind for *_, kind in extents(path)] == ["request", "response"] * 3


def test_a_torn_last_record_is_moved_aside_not_just_cut(tmp_path: Path) -> None:
    path = tmp_path / "ev.warc.gz"
    archive_of(path, 2)
    whole = path.read_bytes()
    start, end, _ = extents(path)[-1]
    path.write_bytes(whole[: (start + end) // 2])  # killed mid-write
    inode = path.stat().st_ino
    archive = Archive(path)
    assert archive.repaired and "interrupted write" in archive.repaired and "4 records kept" in archive.repaired
    assert path.read_bytes() == whole[:start] and path.stat().st_ino == inode  # cut in place
    (aside,) = tmp_path.glob("ev.warc.gz.damaged-*")
    assert aside.read_bytes() == whole[start : (start + end) // 2]
    assert archive.urls == {"https://e0.example/page"}


def test_a_writer_holding_the_archive_follows_a_repair_by_another(tmp_path: Path) -> None:
    """One process repairs (replaces) the archive while another holds it open: nothing is written to the old file."""
    path = tmp_path / "ev.warc.gz"
    archive_of(path, 4)
    holder = Archive(path)
    holder.put(exchange(10))  # holds the file open
    flip_byte_in_record(path, 4)  # on disk, in place: the response of exchange 1
    repairer = Archive(path)
    assert repairer.repaired
    repairer.close()
    holder.put(exchange(11))
    assert holder.get("https://e10.example/page").body == exchange(10).body  # offsets re-read after the replacement
    holder.close()
    urls = Archive(path).urls
    assert urls == {f"https://e{i}.example/page" for i in (0, 2, 3, 10, 11)}


def test_a_damaged_default_archive_is_repaired_with_a_warning(server: Server, tmp_path: Path) -> None:
    doc = resolution(server, tmp_path)
    assert run("verify", doc, "--no-wayback", cwd=tmp_path).returncode == 0
    path = tmp_path / ".whereas" / "evidence.warc.gz"
    archive = Archive(path)
    archive.put(exchange(1))
    archive.put(exchange(2))
    archive.close()
    flip_byte_in_record(path, 4)  # the response of exchange 1
    proc = run("verify", doc, "--no-wayback", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "warning: " in proc.stderr and "damaged bytes moved to" in proc.stderr and "records kept" in proc.stderr
    assert server.hits["/doc"] == 1  # the document stayed archived
    assert Archive(path).urls == {server.url("/doc"), "https://e2.example/page"}
