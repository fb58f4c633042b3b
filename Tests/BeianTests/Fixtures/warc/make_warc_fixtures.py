#!/usr/bin/env python3
"""Writes the WARC and JSON-lines fixtures of the Records tests into this folder.

Python 3.9+ with warcio (`pip install warcio`). The output is deterministic (fixed record ids and
dates, gzip mtime 0), so running it again changes nothing. Besides the fixtures it writes
manifest.json: for each clean WARC file, the records as warcio's ArchiveIterator reads them
(offset, type, id, target URI) and, for each page, the body warcio's content_stream() gives
(chunked coding and Content-Encoding undone), in Base64; the tests compare the Swift reader
with it. Damaged files are made from clean ones by changing bytes in place, so the offsets of
the records they keep are those of the clean file.

    python3 Tests/BeianTests/Fixtures/warc/make_warc_fixtures.py
"""

import base64
import gzip
import io
import json
import os
import zlib

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

HERE = os.path.dirname(os.path.abspath(__file__))
DATE = "2026-03-01T08:00:00Z"

UTF8_PAGE = (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>首页</title></head><body>\n"
    "<p>欢迎访问</p>\n"
    "<footer><a href=\"https://beian.miit.gov.cn/\">京ICP备05002571号-1</a>\n"
    "<a href=\"http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010802020088\">京公网安备 11010802020088号</a>"
    "</footer>\n</body></html>\n"
).encode("utf-8")

# GBK bytes and no <meta>: only the HTTP Content-Type says GBK.
GBK_PAGE = (
    "<html><head><title>广东测试站</title></head><body>\n"
    "<div class=\"footer\">版权所有 2024 <a href=\"https://beian.miit.gov.cn/\">粤ICP备12045678号</a></div>\n"
    "</body></html>\n"
).encode("gbk")

CHUNKED_PAGE = (
    "<html><body><p>分块传输的页面</p>\n<footer>沪ICP备13001234号-2 沪公网安备 31010402001234号</footer></body></html>\n"
).encode("utf-8")

GZIP_PAGE = ("<html><body><footer>浙ICP备10011234号-3</footer>" + "<p>填充文字</p>" * 200 + "</body></html>\n").encode("utf-8")

DEFLATE_PAGE = "<html><body><footer>川ICP备18012345号-1</footer></body></html>\n".encode("utf-8")

RAW_DEFLATE_PAGE = "<html><body><footer>鄂ICP备19005678号</footer></body></html>\n".encode("utf-8")

RESOURCE_TEXT = "页脚：苏ICP备17012345号-5\n".encode("utf-8")

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001"
                    "0d0a2db40000000049454e44ae426082")


def record_id(number):
    return "<urn:uuid:00000000-0000-4000-8000-%012d>" % number


def http_response(status, headers, body):
    head = "HTTP/1.1 %s\r\n" % status + "".join("%s: %s\r\n" % pair for pair in headers) + "\r\n"
    return head.encode("latin-1") + body


def chunked(body, sizes):
    out = b""
    position = 0
    for size in sizes:
        part = body[position:position + size]
        position += size
        if part:
            out += b"%x\r\n" % len(part) + part + b"\r\n"
    if position < len(body):
        out += b"%x;ext=1\r\n" % (len(body) - position) + body[position:] + b"\r\n"
    return out + b"0\r\n\r\n"


def deflate_raw(data):
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def records():
    """(kind, uri, warc headers extra, block bytes, warc content type) for the main files."""
    items = []
    items.append(("warcinfo", None, b"software: make_warc_fixtures.py\r\nformat: WARC File Format 1.1\r\n", "application/warc-fields"))
    items.append(("request", "https://www.example.cn/", b"GET / HTTP/1.1\r\nHost: www.example.cn\r\n\r\n", "application/http; msgtype=request"))
    items.append(("response", "https://www.example.cn/",
                  http_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", len(UTF8_PAGE))], UTF8_PAGE),
                  "application/http; msgtype=response"))
    items.append(("response", "http://gbk.example.cn/index.html",
                  http_response("200 OK", [("Content-Type", "text/html; charset=GBK")], GBK_PAGE),
                  "application/http; msgtype=response"))
    items.append(("response", "https://chunked.example.cn/",
                  http_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked")],
                                chunked(CHUNKED_PAGE, [17, 40])),
                  "application/http; msgtype=response"))
    items.append(("response", "https://gzip.example.cn/",
                  http_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                                gzip.compress(GZIP_PAGE, mtime=0)),
                  "application/http; msgtype=response"))
    items.append(("response", "https://deflate.example.cn/",
                  http_response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "deflate")], zlib.compress(DEFLATE_PAGE)),
                  "application/http; msgtype=response"))
    items.append(("response", "https://raw-deflate.example.cn/",
                  http_response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "deflate")], deflate_raw(RAW_DEFLATE_PAGE)),
                  "application/http; msgtype=response"))
    items.append(("response", "https://br.example.cn/",
                  http_response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "br")], b"\x1b\x03\x00\xf8\xa5\x00"),
                  "application/http; msgtype=response"))
    items.append(("response", "https://www.example.cn/logo.png",
                  http_response("200 OK", [("Content-Type", "image/png"), ("Content-Length", len(PNG))], PNG),
                  "application/http; msgtype=response"))
    items.append(("revisit", "https://www.example.cn/",
                  http_response("304 Not Modified", [("Content-Type", "text/html")], b""),
                  "application/http; msgtype=response"))
    items.append(("metadata", "https://www.example.cn/", b"via: https://www.example.cn/start\r\n", "application/warc-fields"))
    items.append(("resource", "file:///srv/footer.txt", RESOURCE_TEXT, "text/plain; charset=utf-8"))
    items.append(("response", "https://notfound.example.cn/missing",
                  http_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8")],
                                "<html><body>页面不存在 京ICP备05002571号-1</body></html>".encode("utf-8")),
                  "application/http; msgtype=response"))
    return items


def write_warc(items, compress, first_id=1):
    """The WARC bytes of `items`, one gzip member per record when `compress`."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress, warc_version="WARC/1.1")
    for number, (kind, uri, block, content_type) in enumerate(items, first_id):
        headers = {"WARC-Record-ID": record_id(number), "WARC-Date": DATE}
        if kind == "revisit":
            headers["WARC-Profile"] = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
            headers["WARC-Refers-To-Target-URI"] = uri
        record = writer.create_warc_record(uri or "", kind, payload=io.BytesIO(block), length=len(block),
                                           warc_content_type=content_type, warc_headers_dict=headers)
        if uri is None:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return out.getvalue()


def manifest_of(data):
    """The records of a clean WARC file as warcio reads them."""
    entries = []
    iterator = ArchiveIterator(io.BytesIO(data))
    for record in iterator:
        # The content first: asking the offset first finishes the record.
        content = record.content_stream().read()
        entry = {
            "offset": iterator.get_record_offset(),
            "type": record.rec_type,
            "id": record.rec_headers.get_header("WARC-Record-ID"),
            "uri": record.rec_headers.get_header("WARC-Target-URI"),
        }
        entry["content_base64"] = base64.b64encode(content).decode("ascii")
        if record.http_headers is not None and record.rec_type in ("response", "revisit"):
            entry["status"] = int(record.http_headers.get_statuscode())
        entries.append(entry)
    return entries


def member_offsets(data):
    """Offsets of the gzip members of a per-record .warc.gz."""
    return [entry["offset"] for entry in manifest_of(data)]


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as handle:
        handle.write(data)


def main():
    items = records()
    plain = write_warc(items, compress=False)
    per_record = write_warc(items, compress=True)
    whole = gzip.compress(plain, mtime=0)
    write("pages.warc", plain)
    write("pages.warc.gz", per_record)
    write("pages-whole.warc.gz", whole)
    manifest = {"pages.warc": manifest_of(plain), "pages.warc.gz": manifest_of(per_record)}

    # Three pages, small and alike, for the damaged files.
    small = [
        ("response", "https://a.example.cn/", http_response("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                                            "<p>京ICP备05002571号-1</p>\n".encode("utf-8")), "application/http; msgtype=response"),
        ("response", "https://b.example.cn/", http_response("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                                            ("<p>京公网安备 11010802020088号</p>" + "<p>文字</p>" * 300 + "\n").encode("utf-8")),
         "application/http; msgtype=response"),
        ("response", "https://c.example.cn/", http_response("200 OK", [("Content-Type", "text/html; charset=GBK")], GBK_PAGE),
         "application/http; msgtype=response"),
        ("response", "https://d.example.cn/", http_response("200 OK", [("Content-Type", "text/plain")],
                                                            "渝ICP备20009753号-2\n".encode("utf-8")), "application/http; msgtype=response"),
    ]
    small_plain = write_warc(small, compress=False, first_id=101)
    small_gz = write_warc(small, compress=True, first_id=101)
    manifest["small.warc"] = manifest_of(small_plain)
    manifest["small.warc.gz"] = manifest_of(small_gz)
    gz_offsets = member_offsets(small_gz)
    plain_offsets = [entry["offset"] for entry in manifest["small.warc"]]

    # A corrupt member in the middle: bytes in the deflate data of the second record's member.
    corrupt = bytearray(small_gz)
    middle = (gz_offsets[1] + gz_offsets[2]) // 2
    for index in range(middle, middle + 16):
        corrupt[index] ^= 0x5a
    write("corrupt-member.warc.gz", bytes(corrupt))

    # The last record cut off: in the middle of its gzip member, and of its block.
    write("truncated.warc.gz", small_gz[:gz_offsets[3] + (len(small_gz) - gz_offsets[3]) // 2])
    write("truncated.warc", small_plain[:len(small_plain) - 30])

    # Content-Length that lies: the second record's is 40 too long, the fourth's 10 too short.
    def lie(data, offset, delta):
        header_end = data.index(b"\r\n\r\n", offset)
        header = data[offset:header_end].decode("utf-8")
        lines = header.split("\r\n")
        for index, line in enumerate(lines):
            if line.lower().startswith("content-length:"):
                lines[index] = "Content-Length: %d" % (int(line.split(":")[1]) + delta)
        return data[:offset] + "\r\n".join(lines).encode("utf-8") + data[header_end:]

    lying = lie(small_plain, plain_offsets[3], -10)
    lying = lie(lying, plain_offsets[1], +40)
    write("lying-length.warc", lying)
    # Per record gzip: the second record's member says 40 too many.
    members = [small_gz[start:end] for start, end in zip(gz_offsets, gz_offsets[1:] + [len(small_gz)])]
    members[1] = gzip.compress(lie(gzip.decompress(members[1]), 0, +40), mtime=0)
    lying_gz = b"".join(members)
    write("lying-length.warc.gz", lying_gz)
    manifest["lying-length.warc.gz offsets"] = [sum(len(m) for m in members[:index]) for index in range(len(members))]

    # Garbage between records: text and binary bytes after the first record, and between members.
    garbage = b"this line is no WARC record\r\n\x00\x01\xfe\xffWARC/0.9 not a header\r\n"
    write("garbage.warc", small_plain[:plain_offsets[1]] + garbage + small_plain[plain_offsets[1]:])
    write("garbage.warc.gz", small_gz[:gz_offsets[2]] + garbage + small_gz[gz_offsets[2]:])
    manifest["garbage"] = {"length": len(garbage), "plain_at": plain_offsets[1], "gzip_at": gz_offsets[2]}

    # A gzip file that is not WARC.
    write("page.html.gz", gzip.compress(UTF8_PAGE, mtime=0))

    # JSON lines: good and bad.
    lines = [
        json.dumps({"url": "https://www.example.cn/", "body": UTF8_PAGE.decode("utf-8"), "required": ["icp_filing", "public_security_filing"]},
                   ensure_ascii=False),
        json.dumps({"id": "gbk-1", "body_base64": base64.b64encode(GBK_PAGE).decode("ascii"), "content_type": "text/html; charset=GBK"}),
        "this is not JSON",
        json.dumps({"url": "https://nobody.example.cn/", "title": "no body"}),
        json.dumps({"id": 7, "body_base64": "not base64!!"}),
        "",
        json.dumps({"id": "escaped", "body": "\u4eacICP\u590705002571\u53f7-1 \ud83d\ude00", "extra": {"nested": [1, 2.5e3, True, None]}}),
        json.dumps(["an", "array"]),
        json.dumps({"id": "both", "body": "x", "body_base64": "eA=="}),
        json.dumps({"id": "unknown-kind", "body": "x", "required": ["icp_filing", "no_such_kind"]}),
        json.dumps({"url": "https://last.example.cn/", "body": "沪ICP备13001234号-2"}, ensure_ascii=False),
    ]
    text = ("\n".join(lines) + "\n").encode("utf-8")
    write("pages.jsonl", text)
    write("pages.jsonl.gz", gzip.compress(text, mtime=0))

    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1, ensure_ascii=False, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
