"""BeianClient (Integrations/python/beian_client.py) against `beian serve`.

Each test taking `serve` runs twice: [real] with the built binary, skipped (with the reason)
while it has no `serve`; [fake] with fake_beian_serve.py, used only while the real one is
missing. The tests with stub scripts check the client's own handling of processes that
crash, hang or answer nonsense, whatever beian can do.
"""
import base64
import os
import threading

import pytest

from integration_support import check_json_bytes, serve, write_script  # noqa: F401 (fixture)

from beian_client import (
    BeianClient,
    BeianError,
    BeianNotFoundError,
    BeianProcessError,
    BeianProtocolError,
    BeianRequestError,
    BeianTimeoutError,
)

FILING = "京ICP备05002571号-1"
GBK_PAGE = (
    "<!DOCTYPE html><html><head><title>示例</title></head><body>"
    "<footer>粤ICP备05070829号 粤公网安备 44030402000001号</footer></body></html>"
).encode("gbk")


def bilingual(error):
    """Both halves of a message are there: some Chinese, then ' / ', then some English."""
    text = str(error)
    assert " / " in text, text
    assert any("\u4e00" <= c <= "\u9fff" for c in text.split(" / ")[0]), text
    assert error.zh and error.en
    return text


def test_utf8_text_body(serve):
    with BeianClient(serve.binary, reference_year=2026) as client:
        report = client.check(f"<footer>{FILING}</footer>", "https://example.cn/")
    assert report["id"] is None
    assert report["source"] == "https://example.cn/"
    assert report["schema_version"] == 1
    assert report["valid"] is True
    (finding,) = [f for f in report["findings"] if f["kind"] == "icp_filing"]
    assert finding["raw"] == FILING
    assert finding["number"] == "05002571"
    assert finding["province"]["code"] == "11"
    assert finding["valid"] is True


def test_findings_are_those_of_check(serve, binary):
    page = f"<html><body><p>{FILING}</p><p>京公网安备 11010802020088号</p></body></html>"
    with BeianClient(serve.binary, reference_year=2026) as client:
        report = client.check(page.encode("utf-8"), "https://example.cn/a")
    expected = check_json_bytes(binary, page.encode("utf-8"), "--reference-year", "2026")
    assert report["findings"] == expected["findings"]
    assert report["issues"] == expected["issues"]
    assert report["format"] == "html"


def test_gbk_bytes_with_declared_charset(serve, binary):
    with BeianClient(serve.binary, reference_year=2026) as client:
        report = client.check(GBK_PAGE, "https://example.cn/gbk", content_type="text/html; charset=gbk")
    assert report["encoding"] in ("GBK", "GB18030")
    raws = [f["raw"] for f in report["findings"]]
    assert "粤ICP备05070829号" in raws
    assert "粤公网安备 44030402000001号" in raws
    assert report["findings"] == check_json_bytes(binary, GBK_PAGE, "--reference-year", "2026", "--encoding", "GBK")["findings"]


def test_required_kind_missing(serve):
    with BeianClient(serve.binary, reference_year=2026) as client:
        report = client.check(FILING, "https://example.cn/", required=["icp_filing", "public_security_filing"])
    missing = [issue for issue in report["issues"] if issue["code"] == "missing_required"]
    assert len(missing) == 1 and "public_security_filing" in missing[0]["en"]
    assert report["valid"] is False


def test_id_is_echoed_and_is_the_source_without_url(serve):
    with BeianClient(serve.binary) as client:
        report = client.check(FILING, id="page-7")
    assert report["id"] == "page-7"
    assert report["source"] == "page-7"


@pytest.mark.parametrize("request_object", [
    {"id": "b", "body_base64": "不是base64!"},
    {"id": "b", "url": "https://example.cn/"},
])
def test_bad_request_raises_and_the_process_goes_on(serve, request_object):
    with BeianClient(serve.binary) as client:
        with pytest.raises(BeianRequestError) as raised:
            client.request(request_object)
        bilingual(raised.value)
        assert raised.value.response["id"] == "b"
        assert set(raised.value.response["error"]) >= {"zh", "en"}
        assert client.check(FILING, "https://example.cn/")["valid"] is True


def test_body_over_64_mib_is_refused(serve):
    with BeianClient(serve.binary) as client:
        with pytest.raises(BeianRequestError):
            client.check(b"a" * ((64 << 20) + 1), "https://example.cn/big")
        assert client.check(FILING, "https://example.cn/")["valid"] is True


def test_context_manager_ends_the_process(serve):
    with BeianClient(serve.binary) as client:
        client.check(FILING, "https://example.cn/")
        process = client._process
        assert process.poll() is None
    assert client.closed
    assert process.returncode == 0  # beian serve ends with 0 at the end of its input
    assert client.close() == 0  # a second close is harmless
    with pytest.raises(BeianProcessError):
        client.check(FILING, "https://example.cn/")


def test_threads_share_one_client(serve):
    answers = {}
    with BeianClient(serve.binary) as client:
        def work(n):
            answers[n] = client.check(f"京ICP备0500257{n}号", id=f"t{n}")

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(answers) == list(range(8))
    for n, report in answers.items():
        assert report["id"] == f"t{n}"
        assert report["findings"][0]["number"] == f"0500257{n}"


def test_killed_process_is_reported(serve):
    client = BeianClient(serve.binary)
    client.check(FILING, "https://example.cn/")
    client._process.kill()
    client._process.wait()
    with pytest.raises(BeianProcessError) as raised:
        client.check(FILING, "https://example.cn/")
    assert raised.value.returncode == -9
    assert "-9" in bilingual(raised.value)
    client.close()


# Without beian: the client's own behaviour -----------------------------------------------------

def test_missing_binary(tmp_path, monkeypatch):
    with pytest.raises(BeianNotFoundError) as raised:
        BeianClient(str(tmp_path / "no-such-beian"))
    text = bilingual(raised.value)
    assert "找不到 beian" in text and "not found" in text and "no-such-beian" in text
    monkeypatch.setenv("BEIAN", str(tmp_path / "also-missing"))
    with pytest.raises(BeianNotFoundError, match="BEIAN"):
        BeianClient()
    monkeypatch.delenv("BEIAN")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BeianNotFoundError, match="PATH"):
        BeianClient()


def test_binary_found_through_environment(tmp_path, monkeypatch):
    stub = write_script(tmp_path / "echoing", """
        #!/bin/sh
        while read line; do echo '{"id": null, "findings": [], "issues": [], "valid": true}'; done
        """)
    monkeypatch.setenv("BEIAN", stub)
    with BeianClient() as client:
        assert client.binary == stub
        assert client.check("x")["valid"] is True
    monkeypatch.delenv("BEIAN")
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + os.environ["PATH"])
    os.rename(stub, tmp_path / "beian")
    with BeianClient() as client:
        assert client.binary == str(tmp_path / "beian")


def test_binary_that_dies(tmp_path):
    stub = write_script(tmp_path / "dying", """
        #!/bin/sh
        read line
        echo "boom: the stub gave up" >&2
        exit 3
        """)
    client = BeianClient(stub)
    with pytest.raises(BeianProcessError) as raised:
        client.check(FILING, "https://example.cn/")
    text = bilingual(raised.value)
    assert raised.value.returncode == 3
    assert "退出码 3" in text and "exit status 3" in text and "boom: the stub gave up" in text
    assert client.closed


def test_binary_without_serve_dies_at_once(tmp_path):
    stub = write_script(tmp_path / "old-beian", """
        #!/bin/sh
        echo "Error: Unexpected argument 'serve'" >&2
        exit 64
        """)
    with BeianClient(stub) as client:
        with pytest.raises(BeianProcessError, match="Unexpected argument 'serve'") as raised:
            client.check(FILING)
    assert raised.value.returncode == 64


def test_answer_that_is_not_json(tmp_path):
    stub = write_script(tmp_path / "babbling", """
        #!/bin/sh
        while read line; do echo "hello"; done
        """)
    client = BeianClient(stub)
    with pytest.raises(BeianProtocolError):
        client.check(FILING)
    assert client.closed


def test_answer_for_another_request(tmp_path):
    stub = write_script(tmp_path / "confused", """
        #!/bin/sh
        while read line; do echo '{"id": "someone-else", "valid": true}'; done
        """)
    with pytest.raises(BeianProtocolError):
        BeianClient(stub).check(FILING, id="mine")


def test_timeout(tmp_path):
    stub = write_script(tmp_path / "silent", """
        #!/bin/sh
        while read line; do :; done
        """)
    client = BeianClient(stub, timeout=0.5)
    with pytest.raises(BeianTimeoutError) as raised:
        client.check(FILING)
    bilingual(raised.value)
    assert client.closed


def test_close_kills_a_process_that_does_not_end(tmp_path):
    stub = write_script(tmp_path / "stubborn", """
        #!/bin/sh
        trap '' TERM
        exec sleep 60
        """)
    client = BeianClient(stub, close_timeout=0.5)
    assert client.close() == -9


def test_stderr_is_drained(tmp_path):
    stub = write_script(tmp_path / "chatty", """
        #!/bin/sh
        head -c 1000000 /dev/zero | tr '\\0' x >&2
        while read line; do echo '{"id": null, "valid": true}'; done
        """)
    with BeianClient(stub, timeout=20) as client:
        assert client.check("x")["valid"] is True
        assert len(client.stderr_tail()) <= 8192 + 4096


def test_body_must_be_text_or_bytes(tmp_path):
    stub = write_script(tmp_path / "echoing", """
        #!/bin/sh
        exec cat > /dev/null
        """)
    with BeianClient(stub) as client:
        with pytest.raises(TypeError, match="bytes or str"):
            client.check(12345)


def test_bytes_are_sent_as_base64(tmp_path):
    log = tmp_path / "requests.jsonl"
    stub = write_script(tmp_path / "recording", f"""
        #!/bin/sh
        while read line; do
            printf '%s\\n' "$line" >> '{log}'
            echo '{{"id": null, "valid": true}}'
        done
        """)
    with BeianClient(stub) as client:
        client.check(GBK_PAGE, "https://example.cn/", content_type="text/html; charset=gbk", required=["icp_filing"])
        client.check("文字", "https://example.cn/t")
    import json
    first, second = [json.loads(line) for line in log.read_text().splitlines()]
    assert base64.b64decode(first["body_base64"]) == GBK_PAGE
    assert first["content_type"] == "text/html; charset=gbk" and first["required"] == ["icp_filing"]
    assert first["url"] == "https://example.cn/" and "body" not in first
    assert second == {"body": "文字", "url": "https://example.cn/t"}


def test_errors_share_a_base_class():
    for kind in (BeianNotFoundError, BeianProcessError, BeianRequestError, BeianProtocolError, BeianTimeoutError):
        assert issubclass(kind, BeianError)
