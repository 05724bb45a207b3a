"""``whereas serve``: a new version of a document (the same file name, or ``?replaces=ID``) keeps both,
and the review page shows what changed between them, word by word (difflib over words; ``<del>`` and
``<ins>``, escaped)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi", reason="the serve extra is not installed")

from serve_helpers import running  # noqa: E402
from whereas.web import ServeConfig  # noqa: E402
from whereas.web.versions import word_diff  # noqa: E402

V1 = "Resolution on Library Hours\n\nWhereas the library closes at noon;\n\nResolved, that the library opens late.\n"
V2 = (
    "Resolution on Library Hours\n\nWhereas the library closes at five <b>sharp</b>;\n\n"
    "Resolved, that the library opens late.\n"
)


def test_word_diff_marks_insertions_and_deletions_escaped() -> None:
    d = word_diff(V1, V2)
    assert d.deleted == 1 and d.inserted == 2
    assert "<del>noon;\n\n</del><ins>five &lt;b&gt;sharp&lt;/b&gt;;\n\n</ins>" in d.html
    assert "<b>" not in d.html
    same = word_diff(V1, V1)
    assert not same.changed and same.inserted == same.deleted == 0
    # far from a change, unchanged words are cut
    long_old = " ".join(f"w{i}" for i in range(200)) + " end"
    long_new = " ".join(f"w{i}" for i in range(200)) + " finish"
    cut = word_diff(long_old, long_new)
    assert "w0 " not in cut.html and "w199" in cut.html and "<del>end</del><ins>finish</ins>" in cut.html
    assert '<span class="skipped">' in cut.html
    assert word_diff("a " * 50_000, "b").too_long


def test_a_file_of_the_same_name_is_a_new_version(tmp_path: Path) -> None:
    with running(ServeConfig(data=tmp_path / "data")) as base, httpx.Client(base_url=base) as client:
        first = client.post("/api/v1/documents", files={"file": ("hours.txt", V1.encode())}).json()
        assert first["version"] == 1 and first["replaces"] is None
        second = client.post("/api/v1/documents", files={"file": ("hours.txt", V2.encode())}).json()
        assert second["version"] == 2 and second["replaces"] == first["id"]
        assert [d["id"] for d in client.get("/api/v1/documents").json()] == [second["id"], first["id"]]  # both kept

        page = client.get(f"/documents/{second['id']}").text
        assert "This is version 2" in page and f'href="/documents/{first["id"]}"' in page
        assert "2 words added, 1 word removed" in page
        assert "<del>noon;" in page and "<ins>five &lt;b&gt;sharp&lt;/b&gt;;" in page
        older = client.get(f"/documents/{first['id']}").text
        assert "A newer version exists" in older and f'href="/documents/{second["id"]}"' in older

        # another name: a document of its own, unless it says which one it replaces
        other = client.post("/api/v1/documents", files={"file": ("other.txt", V1.encode())}).json()
        assert other["version"] == 1 and other["replaces"] is None
        named = client.post(
            "/api/v1/documents", params={"replaces": other["id"]}, files={"file": ("renamed.txt", V2.encode())}
        ).json()
        assert named["version"] == 2 and named["replaces"] == other["id"]
        missing = client.post("/api/v1/documents", params={"replaces": "nope"}, files={"file": ("x.txt", V1.encode())})
        assert missing.status_code == 404 and missing.json() == {"error": "no document nope"}

        # pasted texts are all "pasted.txt": never versions of one another by name alone
        pasted = [client.post("/api/v1/documents", data={"text": t}).json() for t in (V1, V2)]
        assert [p["version"] for p in pasted] == [1, 1]


def test_the_upload_form_names_the_version_it_replaces(tmp_path: Path) -> None:
    with running(ServeConfig(data=tmp_path / "data")) as base, httpx.Client(base_url=base) as client:
        first = client.post("/api/v1/documents", data={"text": V1}).json()
        form = client.get("/").text
        token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        assert f'<option value="{first["id"]}">pasted.txt' in form
        sent = client.post("/documents", data={"csrf": token, "text": V2, "replaces": first["id"]})
        assert sent.status_code == 303
        page = client.get(sent.headers["location"]).text
        assert "This is version 2" in page and "<ins>five" in page


def test_a_database_of_the_first_schema_is_upgraded_with_its_documents(tmp_path: Path) -> None:
    """A server's database from before users and versions (revision 0001) keeps its documents when the
    server starts: they become version 1, uploaded by nobody (seen by the committee, not by drafters)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from whereas.web.app import prepare
    from whereas.web.db import MIGRATIONS, database_url, make_engine

    data = tmp_path / "data"
    data.mkdir()
    engine = make_engine(database_url(None, data))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO documents (id, filename, stored, format, size, sha256, profile, profile_reason, "
                "resolutions_json, findings_json, created_at) VALUES ('old1', 'old.txt', 'uploads/old1/old.txt', "
                "'text', 3, '', 'ala', '', '[]', '[]', '2024-01-01 00:00:00')"
            )
        )
    engine.dispose()
    store = prepare(ServeConfig(data=data))
    old = store.document("old1")
    assert old is not None and old.version == 1 and old.replaces is None and old.owner_id is None
    assert store.users() == []
    store.engine.dispose()
