"""Lines and columns checked independently: Python decodes each sample (and UTF-16 copies of
them) and counts lines (LF, CRLF, CR) and code points up to each finding's byte offsets."""
import codecs
import json
import re
import tempfile

import pytest

from conftest import SAMPLES, check_json

CODECS = {"UTF-8": "utf-8", "GB18030": "gb18030", "Big5": "big5", "UTF-16LE": "utf-16-le", "UTF-16BE": "utf-16-be"}


def position(data, offset, codec):
    text = data[:offset].decode(codec, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = re.split(r"\r\n|\r|\n", text)
    return len(lines), len(lines[-1]) + 1


def check_positions(path, data):
    report = check_json(path)
    codec = CODECS[report["encoding"]]
    for finding in report["findings"]:
        assert (finding["line"], finding["column"]) == position(data, finding["start"], codec), finding["raw"]
        assert (finding["end_line"], finding["end_column"]) == position(data, finding["end"], codec), finding["raw"]
    return report


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_positions(binary, sample):
    check_positions(sample, sample.read_bytes())


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s.suffix == ".txt" and s.name not in ("big5.txt",)], ids=lambda p: p.name)
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_copies_give_the_same_positions(binary, sample, encoding):
    text = sample.read_text(encoding="utf-8")
    with tempfile.NamedTemporaryFile(suffix=".txt") as copy:
        copy.write(text.encode(encoding))  # "utf-16" writes a byte-order mark
        copy.flush()
        utf16 = check_positions(copy.name, text.encode(encoding))
    original = check_json(sample)
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in utf16["findings"]] == \
        [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in original["findings"]]
