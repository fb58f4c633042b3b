"""The SARIF output of every sample validates against the official SARIF 2.1.0 schema, and
its results agree with `check --format json`."""
import json

import jsonschema
import pytest

from conftest import ROOT, SAMPLES, check_json, run

SCHEMA = json.loads((ROOT / "Tests" / "python" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)


def sarif(*arguments):
    status, out = run("check", "--format", "sarif", "--reference-year", "2026", *arguments, check_status=(0, 1, 2))
    return status, json.loads(out)


def test_schema_is_the_official_one():
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    jsonschema.Draft4Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_sample_validates_and_matches_json(binary, sample, lang):
    path = sample.relative_to(ROOT)
    status, log = sarif("--lang", lang, str(path))
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "beian" and driver["version"] and driver["informationUri"].startswith("https://")
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids)) == 30
    for rule in driver["rules"]:
        assert " / " in rule["help"]["text"]  # Chinese / English
    report = check_json(path)
    expected = []
    for finding in report["findings"]:
        for issue in finding["issues"]:
            expected.append((issue["code"], issue["severity"], (finding["line"], finding["column"], finding["end_line"], finding["end_column"])))
    for issue in report["issues"]:
        expected.append((issue["code"], issue["severity"], None))
    levels = {"error": "error", "warning": "warning", "info": "note"}
    actual = []
    for result in run_["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == str(path)
        region = location.get("region")
        place = None if region is None else (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"])
        actual.append((result["ruleId"], result["level"], place))
        text = result["message"]["text"]
        if lang == "both":
            assert " / " in text
        assert len(result["partialFingerprints"]["beian/v1"]) == 32
    assert actual == [(code, levels[severity], place) for code, severity, place in expected]
    assert status == (0 if report["valid"] else 1)
    fingerprints = [r["partialFingerprints"]["beian/v1"] for r in run_["results"]]
    assert len(fingerprints) == len(set(fingerprints))


def test_whole_folder_and_unreadable_page_validate(binary):
    status, log = sarif("Samples/footers", "--glob", "*", "/no/such/page.html")
    assert status == 2
    assert not list(VALIDATOR.iter_errors(log))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == ["/no/such/page.html"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "Samples/footers/problems.txt" in uris and "Samples/footers/gbk.html" in uris


def test_fingerprints_are_stable_across_runs(binary):
    _, first = sarif("Samples/footers/problems.txt")
    _, second = sarif("Samples/footers/problems.txt")
    assert [r["partialFingerprints"] for r in first["runs"][0]["results"]] == \
        [r["partialFingerprints"] for r in second["runs"][0]["results"]]
