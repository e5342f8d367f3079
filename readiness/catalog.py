"""The questionnaires in a folder, each loaded or with the reason it cannot be.

One broken file must not hide the others from the app, so loading errors are
kept per entry instead of raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from readiness.errors import ProblemsError
from readiness.forms import questions_range
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire, tr


@dataclass(frozen=True)
class CatalogEntry:
    path: Path
    id: str = ""
    version: str = ""
    title: str = ""
    description: str = ""
    #: (fewest, most) questions a business is asked, by kind of business: the one count
    questions: tuple[int, int] = (0, 0)
    dimensions: tuple[str, ...] = field(default_factory=tuple)
    questionnaire: Questionnaire | None = None
    error: str | None = None


def discover(folder: str | Path, lang: str = "en") -> list[CatalogEntry]:
    entries = []
    for path in sorted(Path(folder).glob("*.y*ml")):
        try:
            q = load_questionnaire(path)
        except ProblemsError as exc:
            entries.append(CatalogEntry(path=path, error="\n".join(str(p) for p in exc.errors)))
            continue
        entries.append(
            CatalogEntry(
                path=path,
                id=q.id,
                version=q.version,
                title=tr(q.title, lang),
                description=tr(q.description, lang),
                questions=questions_range(q),
                dimensions=tuple(tr(d.title, lang) for d in q.dimensions),
                questionnaire=q,
            )
        )
    return entries
