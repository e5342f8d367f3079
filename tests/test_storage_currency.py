"""Each assessment keeps its currency; databases made before currencies get the column, in the default.

Both tests run on SQLite and on PostgreSQL (``db_url``, tests/conftest.py).
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from readiness import Questionnaire
from readiness.currency import CurrencyError
from readiness.storage import SCHEMA_VERSION, Store
from readiness.store import migrate


def test_an_assessment_keeps_its_currency(db_url: str, sample: Questionnaire) -> None:
    store = Store(db_url)
    default = store.create_assessment(sample, "Plain")
    yen = store.create_assessment(sample, "Frost", currency="cny")
    assert (default.currency, yen.currency) == ("USD", "CNY")
    assert store.get_assessment(yen.id).currency == "CNY"
    assert store.update_assessment(yen.id, currency="EUR").currency == "EUR"
    assert store.get_assessment(yen.id).currency == "EUR"
    with pytest.raises(CurrencyError):
        store.create_assessment(sample, "Bad", currency="euros")
    with pytest.raises(CurrencyError):
        store.update_assessment(yen.id, currency="12")
    assert store.get_assessment(yen.id).currency == "EUR"  # a bad change loses nothing
    store.close()


@pytest.mark.parametrize("interim", [False, True], ids=["before currencies", "interim column"])
def test_a_database_from_before_currencies_gets_the_column(db_url: str, sample: Questionnaire, interim: bool) -> None:
    """Made by version 3 (no column), or by the interim code that added it itself and recorded level 4."""
    store = Store(db_url)
    old = store.create_assessment(sample, "Made before currencies", currency="GBP")
    with store.engine.begin() as connection:  # back to what that code left: no migrations recorded
        connection.execute(text("DROP TABLE alembic_version"))
        if not interim:
            connection.execute(text("ALTER TABLE assessments DROP COLUMN currency"))
        connection.execute(
            text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": "4" if interim else "3"}
        )
    store.close()
    reopened = Store(db_url)
    assert migrate.status(reopened.db).state == "up to date"
    # the column is additive: servers from before currencies may still use the database
    assert reopened.schema_version() == (4 if interim else 3) <= SCHEMA_VERSION
    kept = reopened.get_assessment(old.id)
    assert kept.currency == ("GBP" if interim else "USD") and kept.business_name == "Made before currencies"
    assert reopened.update_assessment(old.id, currency="JPY").currency == "JPY"
    reopened.close()
