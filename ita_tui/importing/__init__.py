"""Readers of office documents for ``ita-tui import``.

Each reader turns a document into the importer's table model (text lines and tables
whose cells are HTML, with where each was met: :mod:`ita_tui.importer`), so that Word
and Excel files are read by the same rules as Markdown and HTML:

- ``docx_reader``: Word (.docx): paragraphs, tables, lists, and the many ways a box is
  ticked (☑, ☒, Wingdings þ, a content-control or form-field checkbox, ✓, [x]);
- ``xlsx_reader``: Excel (.xlsx): one table a sheet under its title rows.

python-docx and openpyxl are imported only here and in the exports that write them.
"""
