"""JSON in the shape of ``whereas parse --format json`` (schema: docs/schema/resolution.schema.json)."""

from __future__ import annotations

import json

from whereas.model import Resolution
from whereas.render import RenderOptions
from whereas.serialize import resolution_to_dict


def render_json(resolutions: list[Resolution], options: RenderOptions) -> str:
    return json.dumps([resolution_to_dict(r) for r in resolutions], ensure_ascii=False, indent=2) + "\n"
