"""Each assessment keeps its currency; databases made before currencies get the column, in the default."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from readiness import Questionnaire
from readiness.currency import CurrencyError
from readiness.storage import SCHEMA_VERSION, Store


def test_an_assessment_keeps_its_currency(tmp_path: Path, sample: Questionnaire) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite3'}")
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


def test_a_database_from_before_currencies_gets_the_column(tmp_path: Path, sample: Questionnaire) -> None:
    path = tmp_path / "old.sqlite3"
    store = Store(f"sqlite:///{path}")
    old = store.create_assessment(sample, "Made before currencies", currency="GBP")
    store.close()
    with sqlite3.connect(path) as db:  # the schema as version 3 left it
        db.execute("ALTER TABLE assessments DROP COLUMN currency")
        db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    reopened = Store(f"sqlite:///{path}")
    assert reopened.schema_version() == SCHEMA_VERSION == 4
    kept = reopened.get_assessment(old.id)
    assert kept.currency == "USD" and kept.business_name == "Made before currencies"
    assert reopened.update_assessment(old.id, currency="JPY").currency == "JPY"
    reopened.close()
