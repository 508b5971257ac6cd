"""One module a format: each turns a checklist into the bytes of one export.

``summary`` holds the shared, format-free "what to say" (rows, progress, the
heading lines, labels in the chosen language); ``text``, ``markdown``,
``html``, ``csv_format`` and ``rich_formats`` only decide "how it looks".
``ita_tui.export`` imports each module lazily, the first time its format is
used, so that a JSON or CSV export never loads Rich's layout machinery or
pythainlp.
"""
