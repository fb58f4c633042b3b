#!/usr/bin/env python3
"""Loopback HTTP server for Beian's live-page tests (Tests/BeianCLITests/LiveCLI.swift).

Listens on 127.0.0.1 on a free port and prints the port on its first line of standard
output. It exits when its standard input closes, so it never outlives the test process that
started it. Only the standard library; nothing is written to disk.

Commands on standard input, one a line, each answered with one line of JSON:
  stats TOKEN   {"max_in_flight", "requests": [{path, user_agent, accept_encoding, cookie}]}
                of the requests that carried ?t=TOKEN or were /count/TOKEN/…
  freeport      {"port": N}, a port on 127.0.0.1 where nothing listens (bound, then closed)

Routes (pages come from pages/ next to this file):
  /page/NAME[?charset=CS]   pages/NAME as text/html, with "; charset=CS" when given
  /gzip/NAME, /deflate/NAME pages/NAME compressed, when the request accepts the coding
  /br/NAME, /zstd/NAME      pages/NAME.br or NAME.zst, made once with `brotli -q 11` and
                            `zstd -19` (Python has neither), when the request accepts the coding
  /redirect/N/NAME          N redirects (absolute URL, absolute path, relative path in turn),
                            each setting a cookie, then pages/NAME
  /loop                     redirects to itself
  /status/CODE              that status, with a page holding a registration
  /slow                     answers after 5 s
  /trickle                  headers at once, then one byte every 0.3 s for 6 s
  /large/N, /unsized/N      N bytes of page, with and without Content-Length
  /count/TOKEN/I            a page with registration number I, after 25 ms; counts requests
                            in flight per TOKEN
"""
import gzip
import json
import os
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages")

lock = threading.Lock()
in_flight = {}
max_in_flight = {}
requests = {}


def page(name):
    path = os.path.join(PAGES, os.path.basename(name))
    with open(path, "rb") as handle:
        return handle.read()


class Handler(BaseHTTPRequestHandler):
    server_version = "BeianTestServer/1"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="text/html; charset=utf-8", headers=(), length=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def record(self, token):
        with lock:
            requests.setdefault(token, []).append({
                "path": self.path,
                "user_agent": self.headers.get("User-Agent"),
                "accept_encoding": self.headers.get("Accept-Encoding"),
                "cookie": self.headers.get("Cookie"),
            })

    def do_GET(self):
        url = urlsplit(self.path)
        parts = [p for p in url.path.split("/") if p]
        query = parse_qs(url.query)
        if "t" in query:
            self.record(query["t"][0])
        try:
            self.route(parts, query, url)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route(self, parts, query, url):
        kind = parts[0] if parts else ""
        if kind == "page":
            charset = query.get("charset", [None])[0]
            self.send(200, page(parts[1]), "text/html" + (f"; charset={charset}" if charset else ""))
        elif kind in ("br", "zstd"):
            name = parts[1]
            if kind in (self.headers.get("Accept-Encoding") or ""):
                suffix = ".br" if kind == "br" else ".zst"
                self.send(200, page(name + suffix), headers=[("Content-Encoding", kind)])
            else:
                self.send(200, page(name))
        elif kind in ("gzip", "deflate"):
            accepted = self.headers.get("Accept-Encoding") or ""
            body = page(parts[1])
            if kind not in accepted:
                self.send(200, body)
            elif kind == "gzip":
                self.send(200, gzip.compress(body), headers=[("Content-Encoding", "gzip")])
            else:
                self.send(200, zlib.compress(body), headers=[("Content-Encoding", "deflate")])
        elif kind == "redirect":
            left, name = int(parts[1]), parts[2]
            suffix = "?" + url.query if url.query else ""
            if left == 0:
                self.send(200, page(name))
                return
            target = f"/redirect/{left - 1}/{name}{suffix}"
            if left % 3 == 0:
                target = f"http://127.0.0.1:{self.server.server_address[1]}{target}"
            elif left % 3 == 2:
                target = f"../{left - 1}/{name}{suffix}"
            self.send(302, b"", headers=[("Location", target), ("Set-Cookie", f"hop{left}=1; Path=/")])
        elif kind == "loop":
            self.send(302, b"", headers=[("Location", "/loop" + ("?" + url.query if url.query else ""))])
        elif kind == "status":
            body = "<p><a href=\"https://beian.miit.gov.cn/\">京ICP备05002571号</a></p>".encode()
            self.send(int(parts[1]), body)
        elif kind == "slow":
            time.sleep(5)
            self.send(200, page("utf8.html"))
        elif kind == "trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "20")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.3)
        elif kind in ("large", "unsized"):
            size = int(parts[1])
            head = page("utf8.html")
            body = head + b" " * max(0, size - len(head))
            self.send(200, body, length=(kind == "large"))
        elif kind == "count":
            token, index = parts[1], int(parts[2])
            self.record(token)
            with lock:
                in_flight[token] = in_flight.get(token, 0) + 1
                max_in_flight[token] = max(max_in_flight.get(token, 0), in_flight[token])
            try:
                time.sleep(0.025)
            finally:
                # Counted out before the answer is written: once the client has read it, it may
                # send the next request before this thread runs again, and a count taken after
                # the write would see three on a loaded machine.
                with lock:
                    in_flight[token] -= 1
            body = f"<p><a href=\"https://beian.miit.gov.cn/\">京ICP备{20000000 + index}号</a></p>".encode()
            self.send(200, body)
        else:
            self.send(404, b"<p>not found</p>")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Standard input closes when the test process ends, however it ends.
    for line in sys.stdin:
        words = line.split()
        if words[:1] == ["stats"] and len(words) == 2:
            with lock:
                answer = {"max_in_flight": max_in_flight.get(words[1], 0), "requests": requests.get(words[1], [])}
        elif words == ["freeport"]:
            probe = socket.socket()
            probe.bind(("127.0.0.1", 0))
            answer = {"port": probe.getsockname()[1]}
            probe.close()
        else:
            answer = {"error": "unknown command"}
        print(json.dumps(answer), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
