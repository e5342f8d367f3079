"""The show_if/when condition language: what it allows, what it refuses, how it evaluates."""

import pytest

from readiness import expr


@pytest.mark.parametrize(
    ("source", "values", "expected"),
    [
        ("kind == 'goods'", {"kind": "goods"}, True),
        ("kind == 'goods'", {"kind": "services"}, False),
        ("kind in ['goods', 'both']", {"kind": "both"}, True),
        ("kind not in ['goods', 'both']", {"kind": "both"}, False),
        ("staff >= 5 and has_site == true", {"staff": 7, "has_site": True}, True),
        ("staff >= 5 or has_site", {"staff": 2, "has_site": False}, False),
        ("not has_site", {"has_site": False}, True),
        ("'ads' in channels", {"channels": ["ads", "referrals"]}, True),
        ("1 <= level < 3", {"level": 3}, False),
        ("value <= -1", {"value": -2}, True),
    ],
)
def test_conditions_evaluate_like_their_plain_reading(source: str, values: dict, expected: bool) -> None:
    assert expr.parse(source).evaluate(values) is expected


def test_unanswered_names_make_order_comparisons_false_not_errors() -> None:
    condition = expr.parse("staff > 3")
    assert condition.evaluate({}) is False
    assert condition.evaluate({"staff": "many"}) is False
    assert expr.parse("staff == null").evaluate({}) is True


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('echo hacked')",
        "kind.upper() == 'X'",
        "[x for x in range(10)]",
        "lambda: 1",
        "kind[0] == 'g'",
        "a + b > 1",
        "open('/etc/passwd')",
        "",
        "kind ==",
    ],
)
def test_anything_beyond_comparisons_is_refused(source: str) -> None:
    with pytest.raises(expr.ExpressionError):
        expr.parse(source)


def test_names_and_literal_comparisons_are_reported_for_load_time_checks() -> None:
    condition = expr.parse("kind == 'goods' and 'ads' in channels and staff > 2")
    assert condition.names == ("kind", "channels", "staff")
    assert ("kind", "goods") in condition.literal_comparisons()
    assert ("channels", "ads") in condition.literal_comparisons()


def test_parsing_prints_no_python_warning() -> None:
    """`1and x` is valid Python with a SyntaxWarning; a questionnaire check must not print Python's noise."""
    import warnings

    from readiness.expr import parse

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse("value ==1and score < 1").names == ("value", "score")
