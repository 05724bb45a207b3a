"""whereas check --verify: verification findings folded into the lint report under V codes (loopback only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli as run
from verify_server import Server, html_page


@pytest.fixture()
def server():  # type: ignore[no-untyped-def]
    s = Server()
    yield s
    s.close()


def test_check_verify_reports_misquotations_and_dead_links_with_positions(server: Server, tmp_path: Path) -> None:
    server.route("/parks", body=html_page("Parks Report", "Parks give every child a place to play and grow.").encode())
    server.route("/gone", status=404, body=b"gone")
    doc = tmp_path / "parks.md"
    doc.write_text(
        "# Resolution on Parks\n\n"
        'Whereas the Parks Report found that "parks give no child a place to play"[^1]; and\n\n'
        'Whereas the survey said "everyone agrees"[^2]; now, therefore, be it\n\n'
        "Resolved, that the council funds parks.\n\n"
        "Mover: Jane Doe\nSeconder: John Roe\n\n"
        f'[^1]: City Parks Office. "Parks Report". {server.url("/parks")}\n'
        f'[^2]: Survey Office. "Survey". {server.url("/gone")}\n',
        encoding="utf-8",
    )
    archive = tmp_path / "evidence.warc.gz"
    proc = run(
        "check",
        doc.name,
        "--verify",
        "--archive",
        str(archive),
        "--format",
        "json",
        "--select",
        "V",
        "--allow-host",
        server.allowed,
        cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    found = json.loads(proc.stdout)
    by_code = {d["code"]: d for d in found}
    assert {"V001", "V005"} <= set(by_code), found
    assert by_code["V001"]["line"] == 3 and by_code["V001"]["name"] == "misquoted"
    assert by_code["V005"]["severity"] == "error"
    assert archive.is_file()
    # offline, from the archive: the same findings, and no request reaches the server
    hits = sum(server.hits.values())
    offline = run(
        "check",
        doc.name,
        "--verify",
        "--offline",
        "--archive",
        str(archive),
        "--format",
        "json",
        "--select",
        "V",
        cwd=tmp_path,
    )
    assert sum(server.hits.values()) == hits
    assert {d["code"] for d in json.loads(offline.stdout)} == {d["code"] for d in found}
    # lint findings and V findings side by side without --select; --ignore V drops them
    both = json.loads(
        run(
            "check", doc.name, "--verify", "--offline", "--archive", str(archive), "--format", "json", cwd=tmp_path
        ).stdout
    )
    assert any(d["code"].startswith("V") for d in both)
    ignored = json.loads(
        run(
            "check",
            doc.name,
            "--verify",
            "--offline",
            "--archive",
            str(archive),
            "--format",
            "json",
            "--ignore",
            "V",
            cwd=tmp_path,
        ).stdout
    )
    assert not any(d["code"].startswith("V") for d in ignored)


def test_archive_and_offline_need_verify(tmp_path: Path) -> None:
    (tmp_path / "r.md").write_text("Whereas a; now, therefore, be it\n\nResolved, that b.\n", encoding="utf-8")
    proc = run("check", "r.md", "--offline", cwd=tmp_path)
    assert proc.returncode == 2 and "--verify" in proc.stderr


def test_check_verify_refuses_loopback_unless_configured(server: Server, tmp_path: Path) -> None:
    """SSRF: without an allowed host the loopback source is V003 "blocked address" and sees no request;
    ``[verify] allow-hosts`` in whereas.toml allows it."""
    server.route("/parks", body=html_page("Parks Report", "Parks give every child a place to play and grow.").encode())
    doc = tmp_path / "parks.md"
    doc.write_text(
        "# Resolution on Parks\n\n"
        'Whereas the Parks Report found that "parks give every child a place to play"[^1]; now, therefore, be it\n\n'
        "Resolved, that the council funds parks.\n\n"
        f'[^1]: City Parks Office. "Parks Report". {server.url("/parks")}\n',
        encoding="utf-8",
    )
    blocked = run("check", doc.name, "--verify", "--format", "json", "--select", "V", cwd=tmp_path)
    found = json.loads(blocked.stdout)
    assert [d["code"] for d in found] == ["V003"] and "blocked address" in found[0]["message"], found
    assert server.hits["/parks"] == 0
    (tmp_path / "whereas.toml").write_text(f'[verify]\nallow-hosts = ["{server.allowed}"]\n', encoding="utf-8")
    allowed = run("check", doc.name, "--verify", "--format", "json", "--select", "V", cwd=tmp_path)
    assert allowed.returncode == 0 and json.loads(allowed.stdout) == [] and server.hits["/parks"] == 1, allowed.stderr
    (tmp_path / "whereas.toml").write_text('[verify]\nallow-hosts = ["127.0.0.1:port"]\n', encoding="utf-8")
    bad = run("check", doc.name, cwd=tmp_path)
    assert bad.returncode == 2 and "verify.allow-hosts" in bad.stderr and "bad port" in bad.stderr
