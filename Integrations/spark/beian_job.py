#!/usr/bin/env python3
"""Spark job: scan WARC files with `beian scan` and write the findings as Parquet.

    spark-submit [--files /path/to/beian] Integrations/spark/beian_job.py \\
        --input warcs.txt --output findings.parquet [--beian PATH] [--partitions N]

--input is a text file with one WARC path a line (blank lines and lines starting with # are
skipped). It is read on the driver; a Hadoop URI (hdfs://…, s3a://…) is read through Spark.
The WARC paths themselves are read by beian on the executors, so they must be local paths
that every executor can open (a shared mount), or file:// URIs.

The paths are spread over --partitions partitions (default: Spark's default parallelism, at
most one partition per path). Each partition runs one `beian scan --format jsonl` over its
paths (several in turn only if the paths would not fit on one command line) and reads its
output as it comes. Each finding becomes a row:

    source         string         the record's WARC-Target-URI
    record_id      string         its WARC-Record-ID
    warc_file      string         the WARC file it came from
    kind           string         icp_filing, public_security_filing, hotline, …
    number         string
    valid          boolean
    province_code  string         null when the finding names no province
    issue_codes    array<string>
    context        string

The beian executable, on each executor: --beian PATH if that file exists there; else a file
of that name (default "beian") shipped with `spark-submit --files` (found with
SparkFiles.get, its executable bit restored); else that name on PATH.

beian's exit statuses 0 (findings) and 1 (none) are success. Status 2 (an input, or part of a
WARC, could not be read) keeps the rows and writes beian's standard error to the executor's
log; the driver reports how many partitions had it. Any other status fails the task with
beian's exit status and the end of its standard error.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

COLUMNS = ["source", "record_id", "warc_file", "kind", "number", "valid", "province_code", "issue_codes", "context"]

#: Bytes of arguments on one beian command line; Linux allows 2 MiB with the environment.
ARGUMENT_BUDGET = 1 << 20

#: Bytes of beian's standard error kept for logs and error messages.
STDERR_TAIL = 4000


class BeianJobError(RuntimeError):
    """A failure of the job with a message in Chinese and English."""

    def __init__(self, zh: str, en: str):
        self.zh, self.en = zh, en
        super().__init__(f"{zh} / {en}")


# Arguments and the path list ----------------------------------------------------------------

def parse_arguments(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="beian_job.py",
        description="用 beian scan 扫描 WARC 文件并把发现写成 Parquet / "
                    "Scan WARC files with beian scan and write the findings as Parquet.")
    parser.add_argument("--input", required=True, help="WARC 路径列表，每行一个 / a file of WARC paths, one a line")
    parser.add_argument("--output", required=True, help="Parquet 输出目录 / the Parquet output folder")
    parser.add_argument("--beian", default=None,
                        help="beian 可执行文件（默认：--files 附带的 beian，否则 PATH 上的 beian）/ "
                             "the beian executable (default: a beian shipped with --files, else beian on PATH)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="分区数（默认为 Spark 的默认并行度）/ partitions (default: Spark's default parallelism)")
    parser.add_argument("--reference-year", type=int, default=None,
                        help="传给 beian 的 --reference-year / passed to beian as --reference-year")
    parser.add_argument("--scan-jobs", type=int, default=None,
                        help="每个 beian scan 的 --jobs（默认为 spark.task.cpus）/ "
                             "--jobs of each beian scan (default: spark.task.cpus)")
    parser.add_argument("--overwrite", action="store_true",
                        help="覆盖已有的输出目录 / replace an existing output folder")
    arguments = parser.parse_args(argv)
    if arguments.partitions is not None and arguments.partitions < 1:
        parser.error("--partitions 必须至少为 1 / --partitions must be at least 1")
    return arguments


def clean_paths(lines: Iterable[str]) -> List[str]:
    """The WARC paths of the list's lines: blanks and # comments skipped, file:// removed."""
    paths = []
    for line in lines:
        path = line.strip()
        if not path or path.startswith("#"):
            continue
        if path.startswith("file://"):
            path = path[len("file://"):]
        elif "://" in path:
            raise BeianJobError(
                f"beian 只能读取本地路径，无法读取 {path}；请先把 WARC 文件复制到执行器能访问的共享目录",
                f"beian reads local paths only, not {path}; copy the WARC files to a folder the executors share first",
            )
        paths.append(path)
    return paths


# The executor side: finding beian, running it, turning its lines into rows -------------------

def _shipped_file(name: str) -> Optional[str]:
    """The local copy of a file shipped with --files / addFile, if there is one."""
    try:
        from pyspark import SparkFiles
        path = SparkFiles.get(name)
    except Exception:  # no Spark here, or no SparkFiles root yet
        return None
    return path if os.path.isfile(path) else None


def _make_executable(path: str) -> str:
    mode = os.stat(path).st_mode
    wanted = stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH
    if mode & wanted == wanted:
        return path
    try:
        os.chmod(path, mode | wanted)
        return path
    except PermissionError:  # not ours to change: run a private copy
        copy = os.path.join(tempfile.mkdtemp(prefix="beian-"), os.path.basename(path))
        shutil.copyfile(path, copy)
        os.chmod(copy, 0o755)
        return copy


def resolve_binary(requested: Optional[str] = None) -> str:
    """The beian executable on this machine (see the module's documentation)."""
    name = requested or "beian"
    if os.sep in name and os.path.isfile(name):
        return _make_executable(name)
    shipped = _shipped_file(os.path.basename(name))
    if shipped:
        return _make_executable(shipped)
    if os.sep not in name:
        found = shutil.which(name)
        if found:
            return found
    raise BeianJobError(
        f"在此执行器上找不到 beian 可执行文件：{name}（既不是本地文件，也不是 --files 附带的文件，也不在 PATH 上）",
        f"the beian executable was not found on this executor: {name} "
        "(neither a local file, nor a file shipped with --files, nor on PATH)",
    )


def finding_row(finding: Dict[str, Any]) -> Tuple[Any, ...]:
    """One Parquet row (in COLUMNS' order) of one `type: finding` line."""
    record = finding.get("record") or {}
    province = finding.get("province")
    return (
        finding.get("source"),
        record.get("id"),
        record.get("file"),
        finding.get("kind"),
        finding.get("number"),
        finding.get("valid"),
        province.get("code") if isinstance(province, dict) else None,
        [issue.get("code") for issue in finding.get("issues") or []],
        finding.get("context"),
    )


def _batches(paths: List[str]) -> Iterator[List[str]]:
    batch: List[str] = []
    size = 0
    for path in paths:
        cost = len(os.fsencode(path)) + 1
        if batch and size + cost > ARGUMENT_BUDGET:
            yield batch
            batch, size = [], 0
        batch.append(path)
        size += cost
    if batch:
        yield batch


def _log(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")
    sys.stderr.flush()


def run_scan(binary: str, paths: List[str], options: Sequence[str] = (),
             unreadable: Optional[List[str]] = None) -> Iterator[Tuple[Any, ...]]:
    """Runs one `beian scan --format jsonl` over `paths` and yields the rows of its findings
    as its lines arrive. Exit status 2 is logged and its stderr appended to `unreadable`;
    other failures raise BeianJobError."""
    command = [binary, "scan", "--format", "jsonl", "--no-progress", *options, "--", *paths]
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr)
        try:
            for raw in process.stdout:
                if not raw.strip():
                    continue
                try:
                    line = json.loads(raw)
                except ValueError:
                    raise BeianJobError(
                        f"beian scan 输出了无法解析的行：{raw[:200]!r}",
                        f"beian scan wrote a line that is not JSON: {raw[:200]!r}",
                    ) from None
                if line.get("type") == "finding":
                    yield finding_row(line)
            status = process.wait()
        finally:  # also when Spark stops reading early
            if process.poll() is None:
                process.kill()
                process.wait()
            process.stdout.close()
        stderr.seek(0, os.SEEK_END)
        stderr.seek(max(stderr.tell() - STDERR_TAIL, 0))
        tail = stderr.read().decode("utf-8", errors="replace").strip()
    if status in (0, 1):
        return
    if status == 2:
        _log(f"beian scan：部分输入无法读取（退出码 2），已保留可读部分的结果 / some input could not be read "
             f"(exit status 2); the rows of what could be read are kept. {len(paths)} paths, "
             f"first {paths[0]}. stderr:\n{tail}")
        if unreadable is not None:
            unreadable.append(tail)
        return
    raise BeianJobError(
        f"beian scan 失败（退出码 {status}，{len(paths)} 个路径，首个 {paths[0]}）；标准错误末尾：{tail or '（无）'}",
        f"beian scan failed (exit status {status}, {len(paths)} paths, first {paths[0]}); "
        f"end of its standard error: {tail or '(none)'}",
    )


def scan_partition(paths: Iterable[str], requested_binary: Optional[str], options: Sequence[str],
                   counters: Any = None) -> Iterator[Tuple[Any, ...]]:
    """The rows of one partition's paths. `counters` is a dict of Spark accumulators
    (findings, unreadable_partitions) or None."""
    paths = list(paths)
    if not paths:
        return
    binary = resolve_binary(requested_binary)
    unreadable: List[str] = []
    found = 0
    for batch in _batches(paths):
        for row in run_scan(binary, batch, options, unreadable):
            found += 1
            yield row
    if counters is not None:
        counters["findings"].add(found)
        if unreadable:
            counters["unreadable_partitions"].add(1)


# The driver ---------------------------------------------------------------------------------

def schema():
    from pyspark.sql.types import ArrayType, BooleanType, StringType, StructField, StructType
    string = StringType()
    return StructType([
        StructField("source", string, True),
        StructField("record_id", string, True),
        StructField("warc_file", string, True),
        StructField("kind", string, True),
        StructField("number", string, True),
        StructField("valid", BooleanType(), True),
        StructField("province_code", string, True),
        StructField("issue_codes", ArrayType(string, containsNull=True), True),
        StructField("context", string, True),
    ])


def read_list(spark: Any, location: str) -> List[str]:
    if "://" in location and not location.startswith("file://"):
        lines = [row.value for row in spark.read.text(location).collect()]
    else:
        path = location[len("file://"):] if location.startswith("file://") else location
        try:
            with open(path, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except OSError as error:
            raise BeianJobError(f"无法读取路径列表 {location}：{error.strerror}",
                                f"cannot read the path list {location}: {error.strerror}") from error
    return clean_paths(lines)


def main(argv: Optional[Sequence[str]] = None, spark: Any = None) -> int:
    arguments = parse_arguments(argv)
    from pyspark.sql import SparkSession

    if __name__ != "__main__":
        # Imported (not run by spark-submit): ship this module's functions by value, so the
        # Python workers need not be able to import it.
        from pyspark import cloudpickle
        cloudpickle.register_pickle_by_value(sys.modules[__name__])

    own_session = spark is None
    if own_session:
        spark = SparkSession.builder.appName("beian-scan").getOrCreate()
    try:
        context = spark.sparkContext
        paths = read_list(spark, arguments.input)
        partitions = arguments.partitions or max(1, min(len(paths), context.defaultParallelism))
        options: List[str] = []
        if arguments.reference_year is not None:
            options += ["--reference-year", str(arguments.reference_year)]
        jobs = arguments.scan_jobs or int(context.getConf().get("spark.task.cpus", "1"))
        options += ["--jobs", str(jobs)]
        counters = {"findings": context.accumulator(0), "unreadable_partitions": context.accumulator(0)}
        requested = arguments.beian

        def run(part: Iterable[str]) -> Iterator[Tuple[Any, ...]]:
            return scan_partition(part, requested, options, counters)

        rows = context.parallelize(paths, partitions).mapPartitions(run)
        frame = spark.createDataFrame(rows, schema())
        frame.write.mode("overwrite" if arguments.overwrite else "errorifexists").parquet(arguments.output)
        _log(f"beian_job: {len(paths)} 个 WARC 路径，{partitions} 个分区，{counters['findings'].value} 条发现 → "
             f"{arguments.output} / {len(paths)} WARC paths, {partitions} partitions, "
             f"{counters['findings'].value} findings → {arguments.output}")
        if counters["unreadable_partitions"].value:
            _log(f"beian_job: {counters['unreadable_partitions'].value} 个分区有无法读取的输入（见执行器日志）/ "
                 f"{counters['unreadable_partitions'].value} partitions had input that could not be read "
                 "(see the executors' logs)")
        return 0
    finally:
        if own_session:
            spark.stop()


if __name__ == "__main__":
    sys.exit(main())
