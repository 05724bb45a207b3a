"""``whereas.patterns.lazy_compile``: a pattern compiled when first used is ``re.compile`` of the same
arguments, and the structure builder's and the rules' patterns are not compiled when imported."""

from __future__ import annotations

import copy
import importlib
import os
import pickle
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

from conftest import ROOT
from whereas.patterns import LazyPattern, lazy_compile

#: the packages whose module-level patterns are lazy (docs/performance.md, "Patterns compiled on first use")
LAZY_PACKAGES = ("whereas.structure", "whereas.lint")

SAMPLES = [
    "Whereas the American Library Association (ALA) supports libraries; now, therefore, be it\n",
    "RESOLVED, That the Council urges the U.S. Congress to act.\n\n[^1]: Minutes. https://example.org/m\n",
    "  **Be it further resolved** that “libraries serve everyone”;\n1. a list item,\n- another\n",
    "Moved by: Councillor Smith\nSeconded by: Councillor Jones\nAdopted June 3, 2024.\n",
]


def _modules(package: str) -> Iterator[ModuleType]:
    root = importlib.import_module(package)
    yield root
    for info in pkgutil.walk_packages(root.__path__, f"{package}."):
        yield importlib.import_module(info.name)


def _lazy_patterns() -> list[tuple[str, LazyPattern]]:
    """Every lazy pattern held at module level, alone or in a dict, list or tuple, in ``LAZY_PACKAGES``."""
    found: dict[int, tuple[str, LazyPattern]] = {}
    for package in LAZY_PACKAGES:
        for module in _modules(package):
            for name, value in vars(module).items():
                values = (
                    value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else [value]
                )
                for v in values:
                    if isinstance(v, LazyPattern):
                        found[id(v)] = (f"{module.__name__}.{name}", v)
    return list(found.values())


def test_every_lazy_pattern_is_re_compile_of_its_arguments() -> None:
    patterns = _lazy_patterns()
    assert len(patterns) > 200  # the structure builder's and the rules'
    for where, lazy in patterns:
        compiled = re.compile(lazy.pattern, lazy.lazy_flags)
        assert (lazy.flags, lazy.groups, lazy.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex), (
            where
        )
        for text in SAMPLES:
            assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)], where
            assert [m.groups() for m in lazy.finditer(text)] == [m.groups() for m in compiled.finditer(text)], where
            assert lazy.sub("~", text) == compiled.sub("~", text), where
            assert lazy.split(text) == compiled.split(text), where
            first = lazy.search(text)
            assert (first and first.span()) == ((m := compiled.search(text)) and m.span()), where


def test_a_lazy_pattern_compiles_once_when_first_used_and_keeps_what_it_gave() -> None:
    lazy = LazyPattern(r"\bwhereas\b", re.I)
    built = lazy_compile(r"(?P<a>x)|y")
    assert "compiled" not in vars(lazy) and built.pattern == r"(?P<a>x)|y"  # known without compiling
    assert "compiled" not in vars(built)
    assert lazy.search("Now WHEREAS it").span() == (4, 11)  # type: ignore[union-attr]
    assert vars(lazy)["compiled"] is re.compile(r"\bwhereas\b", re.I)
    assert vars(lazy)["search"] == lazy.compiled.search  # kept: the next call is the compiled pattern's own
    assert built.groupindex == {"a": 1} and repr(lazy) == "lazy_compile('\\\\bwhereas\\\\b', re.IGNORECASE)"
    # copied and pickled (a process pool's job may hold one) it is the same pattern
    for again in (copy.deepcopy(lazy), pickle.loads(pickle.dumps(lazy))):
        assert again.sub("-", "whereas, Whereas") == "-, -"


def test_importing_the_structure_builder_and_the_rules_compiles_none_of_their_patterns() -> None:
    """A pattern forced at import (``_A.flags`` in a module's body, say) would cost every command that imports it."""
    code = (
        "import whereas.api, whereas.lint.rules, whereas.lint.infer, whereas.lint.fix\n"
        "import gc\n"
        "from whereas.patterns import LazyPattern\n"
        "lazy = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]\n"
        "print(len(lazy), sorted(p.pattern[:60] for p in lazy if 'compiled' in vars(p)))\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=True)
    count, compiled = ran.stdout.split(" ", 1)
    assert int(count) > 200 and compiled.strip() == "[]"


def test_a_process_forked_while_another_thread_compiles_a_pattern_can_compile_its_own() -> None:
    """No lock is held while compiling (Python 3.11's functools.cached_property held one lock for every
    instance): a worker forked at that moment, as ``check`` forks them, would wait for it for ever."""
    import threading
    import time

    started, release = threading.Event(), threading.Event()

    class Slow(str):
        """A pattern text whose compiling waits, so that the fork happens while it is under way."""

        def __hash__(self) -> int:
            started.set()
            release.wait(10)
            return str.__hash__(self)

    slow = LazyPattern(Slow(r"slow\d+"))
    thread = threading.Thread(target=lambda: slow.match("slow1"))
    thread.start()
    assert started.wait(10)
    other = LazyPattern(r"other\d+")
    pid = os.fork()
    if pid == 0:  # the child: compile another pattern, and say whether it matched
        os._exit(0 if other.match("other42") else 1)
    try:
        for _ in range(100):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.1)
        else:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            pytest.fail("the forked process waited for a lock another thread held when it was forked")
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        release.set()
        thread.join(10)
