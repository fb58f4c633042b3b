#!/usr/bin/env python3
"""FAKE `beian serve`, for the integration tests only, while the real binary lacks `serve`.

It speaks the protocol of `beian serve` (JSON lines in, one JSON line out per request) but
does no checking of its own: each page is handed to the real binary's
`beian check --format json` (the executable in $BEIAN_REAL), and that report is wrapped in
the answer. The findings are therefore the real ones; only the protocol layer is imitated.
Once the real `beian serve` exists, the tests run against it and skip this fake.

Usage: fake_beian_serve.py serve [--reference-year Y] [--lang L]
Environment: BEIAN_REAL (required), FAKE_SERVE_EXIT_AFTER=N (exit with status 3 and a note
on standard error after N requests, to imitate a crash).
"""
import base64
import binascii
import json
import os
import re
import subprocess
import sys

LIMIT = 64 << 20


def error(request_id, zh, en):
    return {"id": request_id, "error": {"zh": zh, "en": en}}


def charset(content_type):
    match = re.search(r"charset\s*=\s*\"?([A-Za-z0-9._:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def answer(line, options):
    try:
        request = json.loads(line)
    except ValueError:
        return error(None, "请求不是 JSON", "the request is not JSON")
    if not isinstance(request, dict):
        return error(None, "请求不是 JSON 对象", "the request is not a JSON object")
    request_id = request.get("id")
    if "body" in request and isinstance(request["body"], str):
        body = request["body"].encode("utf-8")
    elif "body_base64" in request and isinstance(request["body_base64"], str):
        try:
            body = base64.b64decode(request["body_base64"], validate=True)
        except (binascii.Error, ValueError):
            return error(request_id, "body_base64 不是有效的 base64", "body_base64 is not valid base64")
    else:
        return error(request_id, "请求缺少 body 或 body_base64", "the request has no body or body_base64")
    if len(body) > LIMIT:
        return error(request_id, "正文超过 64 MiB", "the body is over 64 MiB")
    command = [os.environ["BEIAN_REAL"], "check", "--format", "json", *options]
    if request.get("required"):
        command += ["--require", ",".join(request["required"])]
    declared = charset(request.get("content_type"))
    if declared and "body_base64" in request:
        command += ["--encoding", declared]  # the real serve treats it as a declared charset
    result = subprocess.run(command + ["-"], input=body, capture_output=True)
    if result.returncode not in (0, 1):
        return error(request_id, "检查失败：" + result.stderr.decode(errors="replace"),
                     "the check failed: " + result.stderr.decode(errors="replace"))
    report = json.loads(result.stdout.decode("utf-8").splitlines()[0])
    source = request.get("url") if request.get("url") is not None else request_id
    return {"id": request_id, **report, "source": source, "url": None}


def main():
    arguments = sys.argv[1:]
    if not arguments or arguments[0] != "serve":
        sys.stderr.write("fake beian: only `serve` is imitated\n")
        return 64
    options = []
    rest = arguments[1:]
    while rest:
        name = rest.pop(0)
        if name == "--help":
            print("USAGE: beian serve (FAKE, tests only)")
            return 0
        if name in ("--reference-year", "--lang") and rest:
            options += [name, rest.pop(0)]
        else:
            sys.stderr.write(f"fake beian serve: unknown argument {name}\n")
            return 64
    exit_after = int(os.environ.get("FAKE_SERVE_EXIT_AFTER", "-1"))
    served = 0
    for line in sys.stdin.buffer:
        if served == exit_after:
            sys.stderr.write("fake beian serve: crashing on purpose\n")
            sys.stderr.flush()
            return 3
        text = line.decode("utf-8", errors="replace").strip()
        if not text:
            continue
        sys.stdout.write(json.dumps(answer(text, options), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        served += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
