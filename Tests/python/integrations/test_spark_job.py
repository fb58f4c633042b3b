"""The Spark job (Integrations/spark/beian_job.py).

The first tests need neither Spark nor WARC support: they run beian_job's partition code
with stub executables (exit statuses, batching, finding the binary).

The Spark tests write three small WARC files with warcio and run the job in local[2] twice:
  - through pyspark's own `spark-submit`, the binary shipped with `--files` (no --beian), as
    on a cluster;
  - by calling beian_job.main() with a SparkSession of this process and `--beian PATH`;
then read the Parquet back and compare its rows with `beian scan --format jsonl` run directly
on the same files. They are skipped when pyspark or warcio is not installed, and while the
beian binary does not read WARC files (its scan lines of a WARC have no `record`).
"""
import collections
import io
import json
import os
import pathlib
import shutil
import stat
import subprocess
import sys
import time

import pytest

from integration_support import HERE, ROOT, write_script

import beian_job
from beian_job import BeianJobError

JOB = ROOT / "Integrations" / "spark" / "beian_job.py"
KEY = ("source", "record_id", "kind", "number", "valid", "province_code", "issue_codes", "context")

FINDING = {"type": "finding", "schema_version": 1, "source": "https://a.example.cn/", "url": None,
           "kind": "icp_filing", "number": "05002571", "valid": True, "province": {"code": "11"},
           "issues": [{"code": "outdated_link"}], "context": "text",
           "record": {"file": "a.warc.gz", "id": "<urn:uuid:1>", "offset": 0}}


# Without Spark ---------------------------------------------------------------------------------

def test_finding_row():
    assert beian_job.finding_row(FINDING) == (
        "https://a.example.cn/", "<urn:uuid:1>", "a.warc.gz", "icp_filing", "05002571", True, "11",
        ["outdated_link"], "text")
    bare = dict(FINDING, province=None, issues=[], record=None)
    assert beian_job.finding_row(bare)[1:3] == (None, None)
    assert beian_job.finding_row(bare)[6:8] == (None, [])


def test_clean_paths():
    assert beian_job.clean_paths(["# crawl 1", "", "  /data/a.warc.gz  ", "file:///data/b.warc"]) == [
        "/data/a.warc.gz", "/data/b.warc"]
    with pytest.raises(BeianJobError, match="local paths only"):
        beian_job.clean_paths(["s3a://bucket/c.warc.gz"])


def stub_scan(folder, status, stderr="", log=None):
    """A beian look-alike whose scan prints two findings and a document line, then exits."""
    lines = [json.dumps(FINDING), json.dumps({"type": "document", "source": "x", "issues": []}),
             json.dumps(dict(FINDING, number="05002572"))]
    record = f"echo \"$@\" >> '{log}'" if log else ""
    return write_script(pathlib.Path(folder) / "beian", "#!/bin/sh\n" + record + "\ncat <<'EOF'\n"
                        + "\n".join(lines) + f"\nEOF\necho '{stderr}' >&2\nexit {status}\n")


@pytest.mark.parametrize("status", [0, 1])
def test_scan_success(tmp_path, status):
    rows = list(beian_job.run_scan(stub_scan(tmp_path, status), ["a.warc.gz"]))
    assert [row[4] for row in rows] == ["05002571", "05002572"]


def test_scan_exit_2_keeps_rows_and_logs(tmp_path, capsys):
    unreadable = []
    rows = list(beian_job.run_scan(stub_scan(tmp_path, 2, "truncated record at 1234"), ["a.warc.gz"],
                                   unreadable=unreadable))
    assert len(rows) == 2
    assert unreadable == ["truncated record at 1234"]
    logged = capsys.readouterr().err
    assert "exit status 2" in logged and "退出码 2" in logged and "truncated record at 1234" in logged


def test_scan_other_failure_fails_the_task(tmp_path):
    with pytest.raises(BeianJobError) as raised:
        list(beian_job.run_scan(stub_scan(tmp_path, 3, "out of memory"), ["a.warc.gz"]))
    text = str(raised.value)
    assert "退出码 3" in text and "exit status 3" in text and "out of memory" in text and "a.warc.gz" in text


def test_partition_runs_one_scan_unless_the_paths_do_not_fit(tmp_path, monkeypatch):
    log = tmp_path / "calls"
    binary = stub_scan(tmp_path, 0, log=log)
    paths = [f"/data/{n:03}.warc.gz" for n in range(40)]
    rows = list(beian_job.scan_partition(iter(paths), binary, ["--jobs", "1"]))
    assert len(rows) == 2
    (call,) = log.read_text().splitlines()
    assert call.split() == ["scan", "--format", "jsonl", "--no-progress", "--jobs", "1", "--", *paths]
    monkeypatch.setattr(beian_job, "ARGUMENT_BUDGET", 200)
    log.unlink()
    rows = list(beian_job.scan_partition(iter(paths), binary, []))
    calls = log.read_text().splitlines()
    assert len(calls) > 1 and len(rows) == 2 * len(calls)
    assert [p for call in calls for p in call.split()[5:]] == paths


def test_binary_resolution(tmp_path, monkeypatch):
    copy = tmp_path / "beian"
    copy.write_text("#!/bin/sh\nexit 0\n")
    copy.chmod(0o644)  # as a file shipped with --files may arrive
    assert beian_job.resolve_binary(str(copy)) == str(copy)
    assert os.stat(copy).st_mode & stat.S_IXUSR
    monkeypatch.setenv("PATH", str(tmp_path))
    assert beian_job.resolve_binary(None) == str(copy)
    with pytest.raises(BeianJobError) as raised:
        beian_job.resolve_binary(str(tmp_path / "missing" / "beian-x"))
    assert "找不到 beian" in str(raised.value) and "was not found" in str(raised.value)


# With Spark: WARC files, the job, the comparison -------------------------------------------

def http_record(writer, url, html, charset):
    from warcio.statusandheaders import StatusAndHeaders
    body = html.encode(charset)
    headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}"),
                                          ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def write_warcs(folder):
    """Three WARC files: gzip and plain, UTF-8 and GBK pages, a request and a warcinfo record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    files = []

    def warc(name, gzipped):
        path = folder / name
        files.append(str(path))
        return open(path, "wb"), gzipped

    handle, gz = warc("a.warc.gz", True)
    with handle:
        writer = WARCWriter(handle, gzip=gz)
        writer.write_record(writer.create_warcinfo_record("a.warc.gz", {"software": "beian tests"}))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "a.example.cn")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://a.example.cn/", "request", http_headers=request))
        http_record(writer, "https://a.example.cn/", (
            '<html><body><footer><a href="https://beian.miit.gov.cn/">京ICP备05002571号-1</a> '
            '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802020088">京公网安备 11010802020088号</a> '
            "违法和不良信息举报电话：12377</footer></body></html>"), "utf-8")
        http_record(writer, "https://a.example.cn/old", "<html><body><p>京ICP备1203567号</p></body></html>", "utf-8")
    handle, gz = warc("b.warc", False)
    with handle:
        writer = WARCWriter(handle, gzip=gz)
        http_record(writer, "https://b.example.cn/", (
            "<html><head><title>广东示例</title></head><body><div class=\"footer\">粤ICP备05070829号 "
            "粤公网安备 44030402000001号 联系电话：0755-12345678</div></body></html>"), "gbk")
    handle, gz = warc("c.warc.gz", True)
    with handle:
        writer = WARCWriter(handle, gzip=gz)
        http_record(writer, "https://c.example.cn/empty", "<html><body><p>没有备案号。</p></body></html>", "utf-8")
        http_record(writer, "https://c.example.cn/en", "<html><body><p>ICP License No. 030173</p></body></html>", "utf-8")
    return files


def direct_rows(binary, files):
    result = subprocess.run([binary, "scan", "--format", "jsonl", "--no-progress", "--reference-year", "2026", *files],
                            capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return [line for line in lines if line["type"] == "finding"]


def comparable(rows):
    return collections.Counter(tuple(tuple(v) if isinstance(v, list) else v for v in row) for row in rows)


@pytest.fixture(scope="module")
def warc_case(tmp_path_factory, binary):
    pytest.importorskip("warcio", reason="warcio is not installed (pip install warcio): no WARC files to test with")
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'pyspark==4.*'): the Spark job is not tested")
    folder = tmp_path_factory.mktemp("warcs")
    files = write_warcs(folder)
    if os.environ.get("BEIAN_TEST_FAKE_WARC") == "1":  # the job's plumbing only: see fake_beian_warc.py
        (folder / "fake").mkdir()
        binary = write_script(folder / "fake" / "beian", f"""
            #!/bin/sh
            # FAKE beian: WARC scanning imitated by fake_beian_warc.py (BEIAN_TEST_FAKE_WARC=1).
            export BEIAN_REAL='{binary}'
            exec '{sys.executable}' '{HERE / "fake_beian_warc.py"}' "$@"
            """)
    findings = direct_rows(binary, files)
    if not findings or any("record" not in f for f in findings):
        pytest.skip(f"{binary} does not read WARC files yet: `beian scan` of a .warc gives finding lines "
                    "without a `record` field, so the job's rows cannot be compared; rebuild beian with WARC reading")
    listing = folder / "warcs.txt"
    listing.write_text("# test crawl\n" + "\n".join(files) + "\n")
    expected = [tuple(v for k, v in zip(beian_job.COLUMNS, beian_job.finding_row(f)) if k in KEY) for f in findings]
    return {"binary": binary, "files": files, "list": listing, "expected": expected}


@pytest.fixture(scope="module")
def spark(warc_case):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession
    session = (SparkSession.builder.master("local[2]").appName("beian-tests")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    yield session
    session.stop()


def parquet_rows(spark, folder):
    frame = spark.read.parquet(str(folder))
    assert frame.columns == beian_job.COLUMNS
    types = dict(frame.dtypes)
    assert types["valid"] == "boolean" and types["issue_codes"] == "array<string>"
    assert all(types[c] == "string" for c in beian_job.COLUMNS if c not in ("valid", "issue_codes"))
    rows = [row.asDict() for row in frame.collect()]
    return rows, [tuple(row[c] for c in KEY) for row in rows]


def check_against_scan(spark, output, case):
    rows, keyed = parquet_rows(spark, output)
    assert comparable(keyed) == comparable(case["expected"])
    assert {row["warc_file"] for row in rows} <= set(case["files"])
    # Not only the comparison: the GBK page was read as GBK, and a null province is null.
    numbers = {row["number"] for row in rows}
    assert {"05002571", "11010802020088", "05070829", "44030402000001"} <= numbers
    assert any(row["province_code"] is None for row in rows)
    assert all(row["record_id"] for row in rows)


def test_spark_submit_with_shipped_binary(warc_case, spark, tmp_path):
    import pyspark
    spark_submit = pathlib.Path(pyspark.__file__).parent / "bin" / "spark-submit"
    output = tmp_path / "findings"
    environment = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable,
                       SPARK_LOCAL_IP="127.0.0.1")
    # beian must come from --files, not PATH.
    environment["PATH"] = os.pathsep.join(p for p in environment["PATH"].split(os.pathsep)
                                          if not (pathlib.Path(p) / "beian").exists())
    shipped = tmp_path / "ship" / "beian"
    shipped.parent.mkdir()
    shutil.copyfile(warc_case["binary"], shipped)
    shipped.chmod(0o644)  # the job restores the executable bit
    started = time.monotonic()
    result = subprocess.run(
        [str(spark_submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--files", str(shipped),
         str(JOB), "--input", str(warc_case["list"]), "--output", str(output), "--partitions", "2",
         "--reference-year", "2026"],
        capture_output=True, text=True, env=environment, timeout=600)
    print(f"spark-submit took {time.monotonic() - started:.1f} s")
    assert result.returncode == 0, result.stderr[-5000:]
    # spark-submit passes the Python driver's standard error on to its standard output.
    assert "3 WARC paths, 2 partitions" in result.stdout + result.stderr
    check_against_scan(spark, output, warc_case)


def test_main_in_this_process(warc_case, spark, tmp_path):
    binary = warc_case["binary"]
    output = tmp_path / "findings"
    status = beian_job.main(["--input", str(warc_case["list"]), "--output", str(output), "--beian", binary,
                             "--partitions", "3", "--reference-year", "2026"], spark=spark)
    assert status == 0
    check_against_scan(spark, output, warc_case)
    with pytest.raises(Exception, match="already exists"):
        beian_job.main(["--input", str(warc_case["list"]), "--output", str(output), "--beian", binary], spark=spark)
    assert beian_job.main(["--input", str(warc_case["list"]), "--output", str(output), "--beian", binary,
                           "--overwrite", "--reference-year", "2026"], spark=spark) == 0
    check_against_scan(spark, output, warc_case)


def test_unreadable_warc_keeps_the_other_rows(warc_case, spark, tmp_path):
    binary = warc_case["binary"]
    broken = tmp_path / "broken.warc.gz"
    data = pathlib.Path(warc_case["files"][0]).read_bytes()
    broken.write_bytes(data[: len(data) - 40])  # the last record cut short
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(warc_case["files"] + [str(broken), str(tmp_path / "absent.warc")]) + "\n")
    output = tmp_path / "findings"
    assert beian_job.main(["--input", str(listing), "--output", str(output), "--beian", binary,
                           "--partitions", "1", "--reference-year", "2026"], spark=spark) == 0
    rows, keyed = parquet_rows(spark, output)
    assert comparable(case_rows for case_rows in warc_case["expected"]) - comparable(keyed) == collections.Counter()
