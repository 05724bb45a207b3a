"""whereas batch check|verify: shards in process (--engine local) or on a Dask LocalCluster, results as
Parquet equal to the rows of check/verify --format json, and a killed batch that resumes (docs/scale.md)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT
from conftest import run_cli as run
from verify_server import Server, html_page

pq = pytest.importorskip("pyarrow.parquet")

EXAMPLE = (ROOT / "examples" / "resolution-on-library-funding.txt").read_text(encoding="utf-8")


def _resolution(i: int, copies: int = 1) -> str:
    """A distinct resolution (its title and a recital name ``i``), with the example's defects, ``copies`` times."""
    one = EXAMPLE.replace("School Libraries", f"School Libraries in District {i}", 1).replace(
        "the proposed federal budget", f"the proposed budget for district {i}"
    )
    return "\n\n".join([one] * copies)


def _corpus(folder: Path, n: int, copies: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"r{i:03d}.txt"
        p.write_text(_resolution(i, copies), encoding="utf-8")
        paths.append(p)
    return paths


def _check_rows(*paths: Path | str, cwd: Path) -> list[dict[str, object]]:
    proc = run("check", *paths, "--format", "json", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    rows: list[dict[str, object]] = json.loads(proc.stdout)
    return rows


def _table(out: Path, name: str) -> list[dict[str, object]]:
    return pq.read_table(out / name).to_pylist()


def _canonical(rows: list[dict[str, object]], drop: tuple[str, ...] = ("sha256", "shard")) -> list[str]:
    """Rows comparable across JSON and Parquet: the added columns dropped, ``location`` only where the JSON has it."""
    out = []
    for row in rows:
        r = {k: v for k, v in row.items() if k not in drop}
        if r.get("location", "") is None:
            del r["location"]
        out.append(json.dumps(r, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def _batch(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run("batch", *args, cwd=cwd, env=env, timeout=180)


def test_local_findings_are_the_rows_of_check_json_and_a_copy_is_checked_once(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 5)
    (tmp_path / "docs" / "copy.txt").write_text(_resolution(0), encoding="utf-8")  # the content of r000.txt
    (tmp_path / "docs" / "notes.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    proc = _batch("check", "docs", "--out", "out", "--shard-size", "2", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    findings = _table(tmp_path / "out", "findings")
    files = _table(tmp_path / "out", "files")
    checked = sorted(f["path"] for f in files)
    # one of the two files with the same content (the first walked), the others, the file without a resolution
    assert checked == ["docs/copy.txt", "docs/notes.txt", *[f"docs/r{i:03d}.txt" for i in range(1, 5)]]
    assert findings, "the example's defects are found"
    expected = _check_rows(*checked, cwd=tmp_path)
    assert _canonical(findings) == _canonical(expected)
    # each row names its file's content
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    by_path = {i["path"]: i for i in manifest["inputs"]}
    assert {r["sha256"] for r in findings if r["path"] == "docs/r001.txt"} == {by_path["docs/r001.txt"]["sha256"]}
    # the file not checked is an input, its findings those of the shard that checked its content
    assert by_path["docs/copy.txt"]["sha256"] == by_path["docs/r000.txt"]["sha256"]
    assert by_path["docs/copy.txt"]["shard"] == by_path["docs/r000.txt"]["shard"]
    assert len(manifest["shards"]) == 3 and all(s["status"] == "done" for s in manifest["shards"])
    assert manifest["counts"]["findings"] == len(findings)
    assert manifest["whereas_version"] and manifest["options"] == {"profile": None}
    assert manifest["started"] and manifest["finished"]
    assert sorted(p.name for p in (tmp_path / "out" / "findings").iterdir()) == [
        "shard=00000",
        "shard=00001",
        "shard=00002",
    ]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the shared corpus in ../shared")
def test_local_on_corpus_files_equals_check_json(tmp_path: Path) -> None:
    files = [*sorted(CORPUS.rglob("*.md"))[:4], CORPUS / "city-council" / "example.doc"]
    assert all(f.is_file() for f in files)
    proc = _batch("check", *files, "--out", tmp_path / "out", "--shard-size", "4", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    findings = _table(tmp_path / "out", "findings")
    assert _canonical(findings) == _canonical(_check_rows(*files, cwd=tmp_path))
    assert any(r["location"] for r in findings if str(r["path"]).endswith(".doc"))  # a Word file's places


def test_a_profile_is_kept_and_another_one_refused_on_resume(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 2)
    first = _batch("check", "docs", "--out", "out", "--profile", "ronr", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    rows = _table(tmp_path / "out", "findings")
    assert {r["profile"]["name"] for r in rows} == {"ronr"}  # type: ignore[index]
    other = _batch("check", "docs", "--out", "out", "--profile", "ala", cwd=tmp_path)
    assert other.returncode == 2
    assert other.stderr.strip().splitlines() == [
        'error: out/manifest.json: this batch was run with profile = "ronr", not "ala"; '
        "give the same options or another --out"
    ]


def test_a_second_run_checks_only_new_content(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 3)
    assert _batch("check", "docs", "--out", "out", cwd=tmp_path).returncode == 0
    part = tmp_path / "out" / "findings" / "shard=00000" / "part.parquet"
    before = part.stat()
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "same.txt").write_text(_resolution(1), encoding="utf-8")  # content already checked
    (tmp_path / "more" / "new.txt").write_text(_resolution(7), encoding="utf-8")
    proc = _batch("check", "docs", "more", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "1 shards to run, 1 finished already" in proc.stderr
    after = part.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    files = _table(tmp_path / "out", "files")
    assert sorted(f["path"] for f in files) == ["docs/r000.txt", "docs/r001.txt", "docs/r002.txt", "more/new.txt"]
    expected = _check_rows("docs", "more/new.txt", cwd=tmp_path)
    assert _canonical(_table(tmp_path / "out", "findings")) == _canonical(expected)


def test_killed_half_way_and_rerun_it_finishes_without_redoing_finished_shards(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 40, copies=4)
    out = tmp_path / "out"
    first_part = out / "findings" / "shard=00000" / "part.parquet"
    first_done = out / "shards" / "shard=00000.json"  # written once the shard's tables are in place
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "whereas", "batch", "check", "docs", "--out", "out", "--shard-size", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not first_done.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"
    first = first_part.stat()
    finished_before = {p.name for p in (out / "shards").glob("shard=*.json")}
    assert 1 <= len(finished_before) < 20
    assert not (out / "findings" / "shard=00019").exists()
    rerun = _batch("check", "docs", "--out", "out", "--shard-size", "2", cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{20 - len(finished_before)} shards to run, {len(finished_before)} finished already" in rerun.stderr
    again = first_part.stat()
    assert (again.st_ino, again.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)
    one_shot = _batch("check", "docs", "--out", "one-shot", "--shard-size", "2", cwd=tmp_path)
    assert one_shot.returncode == 0, one_shot.stderr
    assert _canonical(_table(out, "findings"), drop=("sha256",)) == _canonical(
        _table(tmp_path / "one-shot", "findings"), drop=("sha256",)
    )
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [s["shard"] for s in manifest["shards"]] == list(range(20)) and manifest["finished"]
    assert not list(out.rglob("*.tmp"))


def test_out_must_be_a_batch_folder_or_empty(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 1)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "thesis.txt").write_text("mine", encoding="utf-8")
    proc = _batch("check", "docs", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 2
    assert (
        proc.stderr.strip() == "error: --out out: holds other files and no manifest.json; give an empty or new folder"
    )


def test_dask_missing_is_one_clear_error(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 1)
    fake = tmp_path / "no-dask" / "distributed"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('No module named distributed')\n", encoding="utf-8")
    path = os.pathsep.join([str(ROOT / "src"), str(fake.parent), os.environ.get("PYTHONPATH", "")])
    proc = _batch("check", "docs", "--out", "out", "--engine", "dask", cwd=tmp_path, env={"PYTHONPATH": path})
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "error: --engine dask needs Dask distributed, which is not installed: "
        "pip install 'whereas[batch]'  (or: pip install 'dask[distributed]' pyarrow)"
    ]
    assert not (tmp_path / "out").exists()


def test_scheduler_goes_with_dask(tmp_path: Path) -> None:
    proc = _batch("check", "x", "--out", "out", "--scheduler", "tcp://127.0.0.1:1", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.strip() == "error: --scheduler goes with --engine dask"


def test_dask_on_a_local_cluster_of_two_workers(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    # shards of 17 files: enough for whereas.check to fan out on every core, which a Dask worker (a
    # daemonic process) may not do; it checks them itself
    _corpus(tmp_path / "docs", 34)
    proc = _batch("check", "docs", "--out", "out", "--engine", "dask", "--shard-size", "17", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert _canonical(_table(tmp_path / "out", "findings")) == _canonical(_check_rows("docs", cwd=tmp_path))
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [s["status"] for s in manifest["shards"]] == ["done"] * 2


# --- batch verify: a real server on 127.0.0.1 ----------------------------------------------------------


@pytest.fixture()
def server():  # type: ignore[no-untyped-def]
    s = Server()
    yield s
    s.close()


def _quoting(server: Server, i: int, quote: str) -> str:
    return (
        f"# Resolution on Parks {i}\n\n"
        f'Whereas the Parks Report found that "{quote}"[^1]; now, therefore, be it\n\n'
        "Resolved, that the council funds parks.\n\n"
        f'[^1]: City Parks Office. "Parks Report". {server.url("/parks")}\n'
    )


def test_verify_writes_verdicts_and_an_archive_per_shard_and_answers_offline(server: Server, tmp_path: Path) -> None:
    server.route("/parks", body=html_page("Parks Report", "Parks give every child a place to play and grow.").encode())
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(_quoting(server, 1, "parks give every child a place to play"), encoding="utf-8")
    (docs / "b.md").write_text(_quoting(server, 2, "parks give no child a place to play"), encoding="utf-8")
    common = ("--no-wayback", "--allow-host", server.allowed)
    proc = _batch("verify", "docs", "--out", "out", "--shard-size", "1", *common, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    verdicts = _table(tmp_path / "out", "verdicts")
    assert {(v["path"], v["verdict"]) for v in verdicts} == {("docs/a.md", "exact"), ("docs/b.md", "misquoted")}
    single = run("verify", "docs", "--format", "json", *common, "--archive", tmp_path / "single.warc.gz", cwd=tmp_path)
    expected = json.loads(single.stdout)
    drop = ("sha256", "shard", "evidence", "fetched_at")  # evidence and fetch times differ between two runs
    assert _canonical(verdicts, drop) == _canonical(expected["quotations"], drop)
    sources = _table(tmp_path / "out", "sources")
    assert {s["status"] for s in sources} == {"ok"} and all(s["file_sha256"] for s in sources)
    evidence = sorted(p.name for p in (tmp_path / "out" / "evidence").iterdir())
    assert evidence == ["shard=00000.warc.gz", "shard=00001.warc.gz"]
    # offline, from one shard's archive: the same verdicts, and no request reaches the server
    hits = sum(server.hits.values())
    archive = tmp_path / "out" / "evidence" / "shard=00000.warc.gz"
    offline = _batch("verify", "docs", "--out", "offline", "--offline", "--archive", archive, cwd=tmp_path)
    assert offline.returncode == 0, offline.stderr
    assert _canonical(_table(tmp_path / "offline", "verdicts"), drop) == _canonical(verdicts, drop)
    assert sum(server.hits.values()) == hits


def test_verify_archive_goes_with_offline(tmp_path: Path) -> None:
    proc = _batch("verify", "x", "--out", "out", "--archive", "a.warc.gz", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "error: --archive goes with --offline: each shard writes its own archive under --out"
    )


def test_verify_shares_the_per_host_limit_among_the_workers(server: Server, tmp_path: Path) -> None:
    """Two Dask workers, --per-host 2 for the batch: never more than 2 requests at once at the one host."""
    pytest.importorskip("distributed")
    from whereas.batch import Batch, run

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(4):
        for j in (1, 2):
            server.route(
                f"/p{i}-{j}", body=html_page(f"Report {i}", "Parks give every child a place.").encode(), delay=0.4
            )
        (docs / f"d{i}.md").write_text(
            f"# Resolution on Parks {i}\n\n"
            f'Whereas the report found that "parks give every child a place"[^1]; and\n\n'
            f"Whereas the other report agreed[^2]; now, therefore, be it\n\n"
            "Resolved, that the council funds parks.\n\n"
            f'[^1]: Office. "Report {i}". {server.url(f"/p{i}-1")}\n'
            f'[^2]: Office. "Report {i}". {server.url(f"/p{i}-2")}\n',
            encoding="utf-8",
        )
    options = {"per_host": 2, "allow_hosts": (server.allowed,), "wayback_url": None}
    batch = Batch("verify", (docs,), tmp_path / "out", options, "dask", shard_size=2, workers=2, processes=False)
    summary = run(batch)
    assert summary.exit_code == 0 and summary.ran == 2, summary
    assert sum(server.hits.values()) == 8
    assert 1 <= server.max_inflight <= 2


def test_a_folder_of_another_version_is_refused(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 1)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "manifest.json").write_text(
        json.dumps({"whereas_version": "0.0.1", "command": "check", "options": {"profile": None}, "inputs": []}),
        encoding="utf-8",
    )
    proc = _batch("check", "docs", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("error: out/manifest.json: written by whereas 0.0.1, this is ")
    assert proc.stderr.strip().endswith("; give another --out")


def test_a_failed_shard_is_reported_and_run_again_by_the_next_run(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 4)
    first = _batch("check", "docs", "--out", "out", "--shard-size", "2", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    # shard 1 unfinished, and its file cannot be written (a folder is where it goes): it fails alone
    (tmp_path / "out" / "shards" / "shard=00001.json").unlink()
    part = tmp_path / "out" / "findings" / "shard=00001" / "part.parquet"
    part.unlink()
    part.mkdir()
    failed = _batch("check", "docs", "--out", "out", "--shard-size", "2", cwd=tmp_path)
    assert failed.returncode == 1
    assert "error: shard 1 failed: IsADirectoryError" in failed.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [s["status"] for s in manifest["shards"]] == ["done", "failed"] and manifest["finished"] is None
    part.rmdir()
    again = _batch("check", "docs", "--out", "out", "--shard-size", "2", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "1 shards to run, 1 finished already" in again.stderr
    assert _canonical(_table(tmp_path / "out", "findings")) == _canonical(_check_rows("docs", cwd=tmp_path))


def test_a_file_changed_since_it_was_checked_is_checked_again(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 4)
    assert _batch("check", "docs", "--out", "out", "--shard-size", "2", cwd=tmp_path).returncode == 0
    kept = (tmp_path / "out" / "findings" / "shard=00000" / "part.parquet").stat()
    # the same path, another content
    (tmp_path / "docs" / "r003.txt").write_text(_resolution(9), encoding="utf-8")
    proc = _batch("check", "docs", "--out", "out", "--shard-size", "2", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "1 shards to run, 1 finished already" in proc.stderr
    again = (tmp_path / "out" / "findings" / "shard=00000" / "part.parquet").stat()
    assert (again.st_ino, again.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)  # the shard of unchanged files
    assert _canonical(_table(tmp_path / "out", "findings")) == _canonical(_check_rows("docs", cwd=tmp_path))
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    by_path = {i["path"]: i for i in manifest["inputs"]}
    assert len(manifest["inputs"]) == 4
    assert {r["sha256"] for r in _table(tmp_path / "out", "files") if r["path"] == "docs/r003.txt"} == {
        by_path["docs/r003.txt"]["sha256"]
    }
