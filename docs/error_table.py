"""Rewrite the error table of docs/questionnaire-format.md from the catalogue in readiness/errors.py.

Run after adding or rewording a code: `.venv/bin/python docs/error_table.py`.
tests/test_docs.py fails while the page and the catalogue disagree.
"""

from __future__ import annotations

from pathlib import Path

from readiness.errors import with_table

PAGE = Path(__file__).resolve().parent / "questionnaire-format.md"

if __name__ == "__main__":
    PAGE.write_text(with_table(PAGE.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the error table of {PAGE}")
