"""Verification: fetch cited sources, archive them, check quotations and titles.

The verb is :func:`whereas.api.verify` (``whereas.verify(...)``): the name ``whereas.verify`` is
the verb, and this package's modules are imported by their full names
(``from whereas.verify.match import check_quote``).
"""
