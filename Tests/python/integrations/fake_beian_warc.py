#!/usr/bin/env python3
"""FAKE `beian scan --format jsonl` of WARC files, for trying the Spark job's plumbing while
the real binary cannot read WARC files. Not used by default: test_spark_job.py runs against
it only with BEIAN_TEST_FAKE_WARC=1 (and then compares the job with this same fake, so it
tests the job, not beian).

Each HTTP response record is read with warcio, its payload handed to the real
`beian check --format json` ($BEIAN_REAL; --encoding from the HTTP charset), and each finding
printed as a scan line with a `record` object. Exit status: 2 if an input could not be read
(whole or in part), else 0 if something was found, else 1.

Usage: fake_beian_warc.py scan --format jsonl [--no-progress] [--reference-year Y] [--jobs N] [--] PATH...
"""
import json
import os
import re
import subprocess
import sys


def main():
    arguments = sys.argv[1:]
    if arguments[:1] != ["scan"]:
        sys.stderr.write("fake beian: only `scan --format jsonl` of WARC files is imitated\n")
        return 64
    check_options, paths, rest = [], [], arguments[1:]
    while rest:
        word = rest.pop(0)
        if word == "--":
            paths += rest
            break
        if word in ("--format", "--jobs"):
            rest.pop(0)
        elif word == "--reference-year":
            check_options += [word, rest.pop(0)]
        elif word == "--no-progress":
            pass
        else:
            paths.append(word)
    from warcio.archiveiterator import ArchiveIterator

    found = unreadable = False
    for path in paths:
        try:
            with open(path, "rb") as handle:
                iterator = ArchiveIterator(handle)
                for record in iterator:
                    if record.rec_type != "response" or not record.http_headers:
                        continue
                    body = record.content_stream().read()
                    offset = iterator.get_record_offset()
                    content_type = record.http_headers.get_header("Content-Type") or ""
                    charset = re.search(r"charset=([\w.-]+)", content_type, re.I)
                    command = [os.environ["BEIAN_REAL"], "check", "--format", "json", *check_options]
                    if charset:
                        command += ["--encoding", charset.group(1)]
                    result = subprocess.run(command + ["-"], input=body, capture_output=True)
                    report = json.loads(result.stdout.decode("utf-8").splitlines()[0])
                    for finding in report["findings"]:
                        found = True
                        finding["phone_type"] = finding.pop("type", None)
                        line = {"type": "finding", "schema_version": 1,
                                "source": record.rec_headers.get_header("WARC-Target-URI"), "url": None, **finding,
                                "record": {"file": path, "id": record.rec_headers.get_header("WARC-Record-ID"),
                                           "offset": offset, "uncompressed_offset": None,
                                           "date": record.rec_headers.get_header("WARC-Date")}}
                        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        except Exception as error:  # unreadable or truncated: keep what was read
            unreadable = True
            sys.stderr.write(f"fake beian: cannot read {path}: {error}\n")
    sys.stdout.flush()
    return 2 if unreadable else (0 if found else 1)


if __name__ == "__main__":
    sys.exit(main())
