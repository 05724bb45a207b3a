"""Regular expressions compiled when first used, not when their module is imported.

``re`` compiles a pattern in Python: 0.1 to 4 ms each.  The structure builder and the lint rules hold
about 265 of them, and compiling them all at import was a third of a one-file ``whereas check``
(docs/performance.md, "Patterns compiled on first use").  A document reaches only some of them (the
seed resolution under a third, by compile time), so each is compiled when it is first used.

``lazy_compile(pattern, flags)`` stands for ``re.compile(pattern, flags)``: it is a
:class:`LazyPattern`, which compiles the pattern the first time one of its attributes (``match``,
``sub``, ``groups`` …) is asked for; ``pattern`` is known without compiling, so patterns built
from other patterns (``_A.pattern + "|…"``) stay lazy.  Each attribute asked for is then kept on the
object, so a later ``_A.match(text)`` costs what it costs on the compiled pattern.  What it is not
is a ``re.Pattern`` instance: ``isinstance`` says no, and ``re.sub(_A, …)`` refuses it (use
``_A.sub(…)``).  ``tests/test_patterns.py`` holds every lazy pattern to ``re.compile`` of the
same arguments.
"""

from __future__ import annotations

import re
from typing import Any, cast


class LazyPattern:
    """``re.compile(pattern, flags)``, done when an attribute other than ``pattern`` is first asked for."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.lazy_flags = flags

    @property
    def compiled(self) -> re.Pattern[str]:
        # No lock (not functools.cached_property, which in Python 3.11 holds one lock for every instance): a
        # process forked while another thread compiled a pattern would wait for that lock for ever. Two threads
        # that compile the same pattern at once both get an equal pattern; one of them is kept.
        compiled = self.__dict__.get("compiled")  # (the property reads past it: it is only the store)
        if compiled is None:
            compiled = self.__dict__["compiled"] = re.compile(self.pattern, self.lazy_flags)
        return compiled

    def __getattr__(self, name: str) -> Any:
        """Called only for a name not on the object yet: take it from the compiled pattern and keep it."""
        if name.startswith("__") or name in ("pattern", "lazy_flags"):  # not set yet (copy, pickle)
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self.lazy_flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used (see the module's docstring)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
