"""Everything a checklist becomes when it leaves the app: summaries and documents.

- ``options``: :class:`ExportOptions`, what every format reads;
- ``summary``: what every human-readable format says (plain strings, no layout);
- ``layout``: the Rich layout the terminal formats share (``show``, ansi, svg, the meeting view);
- one module a format: ``text``, ``markdown``, ``html``, ``csv_format``, ``json_format``, ``terminal``;
- ``registry``: format name → extension, renderer (imported lazily), description;
- ``destination``: file names and writes that never replace a file.

Nothing here imports Textual; only ``layout`` and ``terminal`` import Rich's layout engine.
"""
