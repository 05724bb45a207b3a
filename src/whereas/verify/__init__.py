"""Verification: fetch cited sources, archive them, check quotations and titles.

``whereas.verify`` is both this package and the public verb: importing a submodule
(``whereas.verify.match``…) rebinds the attribute ``whereas.verify`` to this package, so the
package itself is made callable and forwards to :func:`whereas.api.verify`.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from whereas.api import verify

        return verify(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
