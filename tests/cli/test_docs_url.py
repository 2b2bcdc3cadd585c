"""``--docs-url`` / ``LBCHECK_DOCS_URL``: where SARIF's helpUri points (a fork, a mirror)."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import EXAMPLE, run


def _help_uris(out: str) -> set[str]:
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    return {r["helpUri"] for r in rules if "helpUri" in r}


def test_docs_url_option_and_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("scan", "--exit-zero", "--sets", "vergaberecht", "-f", "sarif")
    code, out, err = run(capsys, *args, "--docs-url", "https://a.example/docs/", str(EXAMPLE))
    assert code == 0, err
    uris = _help_uris(out)
    assert uris and all(u.startswith("https://a.example/docs/vergaberecht.md#vr-") for u in uris)
    monkeypatch.setenv("LBCHECK_DOCS_URL", "https://b.example/k")
    code, out, err = run(capsys, *args, str(EXAMPLE))
    assert code == 0, err
    assert all(u.startswith("https://b.example/k/vergaberecht.md#") for u in _help_uris(out))


def test_docs_url_must_be_a_web_address(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "scan", "-f", "sarif", "--docs-url", "docs/criteria", str(EXAMPLE))
    assert code == 2 and "--docs-url" in err and "https://" in err


def test_cli_sarif_and_junit_describe_the_whole_catalogue_that_ran(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Regression: the scan use case dropped ``Report.rules``, so SARIF from the command line
    had no catalogue rules (no help, no helpUri) and JUnit no passing rule test cases."""
    from tests.reporters.test_format_sarif import check_github_rules, validate

    code, out, err = run(capsys, "scan", "--exit-zero", "-f", "sarif", str(EXAMPLE))
    assert code == 0, err
    data = json.loads(out)
    validate(data)
    check_github_rules(data)
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) >= 41 and all("helpUri" in r for r in rules)
    _, out, _ = run(capsys, "scan", "--exit-zero", "-f", "junit", str(EXAMPLE))
    assert 'name="VR-09' in out  # a rule that found nothing is a passing test case
