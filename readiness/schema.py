"""The JSON Schema of questionnaire files, generated from the model.

Generated rather than hand-written so it can never drift from what the loader
accepts; editors use it to autocomplete and check questionnaires as people type.
"""

from __future__ import annotations

from typing import Any

from readiness.model import Questionnaire

SCHEMA_ID = "https://github.com/readiness/readiness/schema/questionnaire-1.json"


def json_schema() -> dict[str, Any]:
    schema = Questionnaire.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
