"""The JUnit XML of a run over the samples: structure and counts, read with xml.etree."""
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import run


def pages_json(*arguments):
    _, out = run("check", "--format", "json", "--reference-year", "2026", *arguments, check_status=(0, 1, 2))
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_counts_and_failures_match_the_json(binary, fail_on):
    arguments = ["--glob", "*", "Samples/footers", "Samples/ichongqing.txt", "/no/such/page.html"]
    status, out = run("check", "--format", "junit", "--lang", "en", "--fail-on", fail_on, "--reference-year", "2026",
                      *arguments, check_status=(2,))
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    cases = suite.findall("testcase")
    reports = pages_json(*arguments)
    assert [case.get("name") for case in cases] == [report["source"] for report in reports]
    ranks = {"error": 0, "warning": 1, "info": 2}
    failing_pages = 0
    for case, report in zip(cases, reports):
        assert case.get("file") == report["source"] and case.get("classname") == "beian"
        if "error" in report:
            assert [e.get("type") for e in case.findall("error")] == ["unreadable"]
            continue
        issues = [i for f in report["findings"] for i in f["issues"]] + report["issues"]
        failing = [i["code"] for i in issues if ranks[i["severity"]] <= ranks[fail_on]]
        failures = case.findall("failure")
        assert [f.get("type") for f in failures] == failing
        for failure in failures:
            assert failure.get("message") and failure.text
        failing_pages += bool(failing)
    for element in (root, suite):
        assert element.get("tests") == str(len(cases))
        assert element.get("failures") == str(failing_pages)
        assert element.get("errors") == "1"
    assert suite.get("skipped") == "0"


def test_a_clean_page_has_an_empty_testcase(binary):
    status, out = run("check", "--format", "junit", "Samples/footers/gbk.html", check_status=(0,))
    case = ET.fromstring(out).find("testsuite/testcase")
    assert case is not None and list(case) == []
