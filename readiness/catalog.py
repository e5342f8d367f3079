"""The questionnaires in a folder, each loaded or with the reason it cannot be.

One broken file must not hide the others from the app, so loading errors are
kept per entry instead of raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from readiness.errors import ProblemsError
from readiness.forms import questions_range
from readiness.loader import load_questionnaire, parse_questionnaire
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
    #: uploaded in the app (kept in the database), not shipped in the questionnaires folder
    uploaded: bool = False


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


def entry(path: Path, q: Questionnaire, lang: str = "en", *, uploaded: bool = False) -> CatalogEntry:
    return CatalogEntry(
        path=path,
        id=q.id,
        version=q.version,
        title=tr(q.title, lang) + (f" ({q.version}, uploaded)" if uploaded else ""),  # versions told apart
        description=tr(q.description, lang),
        questions=questions_range(q),
        dimensions=tuple(tr(d.title, lang) for d in q.dimensions),
        questionnaire=q,
        uploaded=uploaded,
    )


def entry_from_text(text: str, file_name: str, lang: str = "en") -> CatalogEntry:
    """An uploaded questionnaire's entry; a stored one that no longer loads (a stricter release) is an error entry."""
    try:
        q = parse_questionnaire(text, file_name).questionnaire
    except ProblemsError as exc:
        return CatalogEntry(path=Path(file_name), error="\n".join(str(p) for p in exc.errors), uploaded=True)
    return entry(Path(file_name), q, lang, uploaded=True)
