"""The package's layers point down, and no module grows past its limit.

Every ``import`` in ``src/whereas`` (at the top of a module or inside a function) is read with
``ast``: a module may import modules of its own layer and of the layers below it, never above.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src" / "whereas"

#: From the bottom up.  A name is a top-level module or package of ``whereas`` ("whereas" itself is
#: the package's ``__init__``, which re-exports the verbs).
LAYERS: list[tuple[str, set[str]]] = [
    ("foundation", {"errors", "model", "patterns", "serialize"}),
    ("readers", {"readers"}),
    ("files", {"files"}),
    ("structure", {"structure"}),
    ("render", {"render"}),
    # lint's settings know the V codes and [verify] allow-hosts; verify's findings are lint Diagnostics
    ("lint and verify", {"lint", "verify"}),
    ("results and the batch runner", {"parallel", "results"}),
    ("reports", {"reports"}),
    ("the work of the verbs format and review", {"format", "review"}),
    ("verbs", {"api"}),
    # whereas batch: the verbs as tasks on Dask (or in process), each shard calling them
    ("batches of the verbs", {"batch"}),
    ("entry points: the command line, the web server, the package", {"cli", "web", "whereas", "__main__"}),
]
LEVEL = {unit: i for i, (_, units) in enumerate(LAYERS) for unit in units}
#: names ``from whereas import …`` may take below the top: they are defined before the verbs are imported
FROM_PACKAGE_OK = {"__version__"}
#: The layers that must never import the verbs (the issue's acceptance list, spelled out).
BELOW_API = ("readers", "structure", "lint", "verify", "render", "reports")

API_MAX_LINES = 300
MODULE_MAX_LINES = 700
#: modules over the limit that another change splits (issue 11, item 4: readable speed)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str | None:
    """The layer unit of a ``whereas…`` module name (None: not whereas's)."""
    parts = module.split(".")
    if parts[0] != "whereas":
        return None
    return parts[1] if len(parts) > 1 else "whereas"


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) for every import in ``path``, ``from whereas import name`` as
    ``whereas.name`` when ``name`` is a module, else as ``whereas``."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package up
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base == "whereas":
                for alias in node.names:
                    if alias.name in FROM_PACKAGE_OK:
                        continue
                    is_module = (SRC / alias.name).is_dir() or (SRC / f"{alias.name}.py").is_file()
                    out.append((node.lineno, f"whereas.{alias.name}" if is_module else "whereas"))
            else:
                out.append((node.lineno, base))
    return out


SOURCES = sorted(SRC.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    units = {_unit(_module_name(p)) for p in SOURCES}
    assert units - set(LEVEL) == set(), "add the new module or package to a layer in LAYERS"


def test_imports_point_down() -> None:
    upward = []
    for path in SOURCES:
        here = _unit(_module_name(path))
        for line, target in _imports(path):
            there = _unit(target)
            if there is None or there == here:
                continue
            if LEVEL[there] > LEVEL[here]:
                upward.append(
                    f"{path.relative_to(SRC)}:{line}: imports {target} "
                    f"({LAYERS[LEVEL[there]][0]}, above {LAYERS[LEVEL[here]][0]})"
                )
    assert upward == []


@pytest.mark.parametrize("package", BELOW_API)
def test_no_layer_below_the_verbs_imports_them(package: str) -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}"
        for path in sorted((SRC / package).rglob("*.py"))
        for line, target in _imports(path)
        if target == "whereas.api" or target.startswith("whereas.api.") or target == "whereas"
    ]
    assert found == []


def test_the_verbs_fit_in_api_py() -> None:
    lines = len((SRC / "api.py").read_text(encoding="utf-8").splitlines())
    assert lines <= API_MAX_LINES


def _sizes() -> list[tuple[str, int]]:
    return [(str(p.relative_to(SRC)), len(p.read_text(encoding="utf-8").splitlines())) for p in SOURCES]


def test_no_module_is_too_long() -> None:
    too_long = [(name, n) for name, n in _sizes() if n > MODULE_MAX_LINES]
    assert too_long == []


def test_the_verbs_are_whereas_verbs() -> None:
    """``whereas.verify`` and ``whereas.render`` stay the verbs after their packages' modules are imported."""
    import importlib

    import whereas
    import whereas.api

    importlib.import_module("whereas.render.html")
    importlib.import_module("whereas.verify.match")

    assert whereas.parse is whereas.api.parse
    assert whereas.check is whereas.api.check is whereas.api.check_paths
    assert whereas.verify is whereas.api.verify
    assert whereas.render is whereas.api.render


def test_every_error_is_a_whereas_error() -> None:
    from whereas.errors import BlockedAddress, FetchError, InputError, InternalError, UsageError, WhereasError
    from whereas.verify.addresses import BlockedAddress as Blocked

    assert Blocked is BlockedAddress
    for error in (InputError, InternalError, UsageError, FetchError, BlockedAddress):
        assert issubclass(error, WhereasError)
