"""A client for `beian serve`, the long-lived checking process of the Beian CLI.

One `beian serve` process is started per client and kept for its lifetime: pages are sent to
it one JSON line at a time and each answer is read back, so a crawler pays the start-up cost
once instead of once per page.

    from beian_client import BeianClient

    with BeianClient() as client:
        report = client.check(response_bytes, "https://example.cn/",
                              content_type="text/html; charset=gbk")
        for finding in report["findings"]:
            print(finding["kind"], finding["number"], finding["valid"])

The executable is the `binary` argument, else the `BEIAN` environment variable, else `beian`
on PATH.

Threads: a client can be shared between threads. A lock makes each `check` one whole
write-then-read exchange, so answers never cross; the requests of several threads are served
one after another, not in parallel. For parallel checking start one client per thread (or
per process); each runs its own `beian serve`.

Standard library only; Python 3.9 or newer.
"""
from __future__ import annotations

import base64
import collections
import json
import os
import select
import shutil
import subprocess
import threading
import time
from typing import Any, Dict, List, Optional, Sequence, Union

__all__ = [
    "BeianClient",
    "BeianError",
    "BeianNotFoundError",
    "BeianProcessError",
    "BeianRequestError",
    "BeianProtocolError",
    "BeianTimeoutError",
    "find_binary",
]

#: How many bytes of the process's standard error are kept for error messages.
STDERR_TAIL_BYTES = 8192


class BeianError(Exception):
    """The base of this module's errors. `zh` and `en` hold the two halves of the message;
    `str(error)` is both, Chinese first, as the CLI writes its messages."""

    def __init__(self, zh: str, en: str):
        self.zh = zh
        self.en = en
        super().__init__(f"{zh} / {en}")


class BeianNotFoundError(BeianError):
    """The beian executable could not be found or started."""


class BeianProcessError(BeianError):
    """`beian serve` ended (or could not be written to) while a request was open.
    `returncode` is its exit status (negative: the signal that ended it; None: unknown) and
    `stderr` the end of what it wrote on standard error."""

    def __init__(self, zh: str, en: str, returncode: Optional[int] = None, stderr: str = ""):
        self.returncode = returncode
        self.stderr = stderr
        super().__init__(zh, en)


class BeianRequestError(BeianError):
    """`beian serve` refused one request (an error object instead of a report). The process
    goes on, and so can the client. `response` is the whole answer."""

    def __init__(self, zh: str, en: str, response: Optional[Dict[str, Any]] = None):
        self.response = response
        super().__init__(zh, en)


class BeianProtocolError(BeianError):
    """An answer that is not what the protocol promises (not JSON, another request's id).
    The client closes the process, since later answers could no longer be trusted."""


class BeianTimeoutError(BeianError):
    """No answer within the client's `timeout`. The client closes the process."""


def find_binary(binary: Optional[str] = None) -> str:
    """The path of the beian executable: `binary`, else `$BEIAN`, else `beian` on PATH.
    A name without a slash is looked up on PATH. Raises BeianNotFoundError."""
    wanted = binary or os.environ.get("BEIAN") or "beian"
    origin = "argument" if binary else ("BEIAN" if os.environ.get("BEIAN") else "PATH")
    if os.sep in wanted or (os.altsep and os.altsep in wanted):
        if os.path.isfile(wanted) and os.access(wanted, os.X_OK):
            return wanted
        found = None
    else:
        found = shutil.which(wanted)
    if found is None:
        where_zh = {"argument": "binary 参数", "BEIAN": "环境变量 BEIAN", "PATH": "PATH"}[origin]
        where_en = {"argument": "the binary argument", "BEIAN": "the BEIAN variable", "PATH": "PATH"}[origin]
        raise BeianNotFoundError(
            f"找不到 beian 可执行文件：{wanted}（取自{where_zh}）；请用 binary 参数或环境变量 BEIAN 指定它，或把它放到 PATH 上",
            f"the beian executable was not found: {wanted} (from {where_en}); "
            "pass it as `binary`, set BEIAN, or put it on PATH",
        )
    return found


def _tail(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").strip()


class BeianClient:
    """A running `beian serve`. See the module's documentation.

    Parameters:
      binary: the executable (see `find_binary`).
      reference_year: passed as `--reference-year` (the year the year checks count from;
        default: the clock's).
      lang: passed as `--lang` (zh, en or both).
      timeout: seconds to wait for each answer; None waits for ever. After a timeout the
        process is killed, since its next answer would belong to the late request.
      close_timeout: seconds `close()` waits for the process to end before killing it.
      extra_args: further arguments after `serve`.
    """

    def __init__(
        self,
        binary: Optional[str] = None,
        reference_year: Optional[int] = None,
        lang: Optional[str] = None,
        timeout: Optional[float] = None,
        close_timeout: float = 10.0,
        extra_args: Sequence[str] = (),
    ):
        self.binary = find_binary(binary)
        self.timeout = timeout
        self.close_timeout = close_timeout
        arguments = [self.binary, "serve"]
        if reference_year is not None:
            arguments += ["--reference-year", str(int(reference_year))]
        if lang is not None:
            arguments += ["--lang", lang]
        arguments += list(extra_args)
        self.arguments = arguments
        self._lock = threading.Lock()
        self._stderr_tail: collections.deque = collections.deque()
        self._stderr_size = 0
        self._stderr_lock = threading.Lock()
        self._pending = bytearray()
        try:
            self._process: Optional[subprocess.Popen] = subprocess.Popen(
                arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0
            )
        except OSError as error:
            raise BeianNotFoundError(
                f"无法启动 beian：{self.binary}：{error.strerror or error}",
                f"could not start beian: {self.binary}: {error.strerror or error}",
            ) from error
        # Standard error is drained by a thread, so a chatty process never blocks on a full
        # pipe; only its tail is kept, for error messages.
        self._stderr_thread = threading.Thread(target=self._drain_stderr, name="beian-serve-stderr", daemon=True)
        self._stderr_thread.start()

    # Context manager ---------------------------------------------------------------------

    def __enter__(self) -> "BeianClient":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # Public ------------------------------------------------------------------------------

    @property
    def pid(self) -> Optional[int]:
        return self._process.pid if self._process else None

    @property
    def returncode(self) -> Optional[int]:
        """The exit status once the process has ended, else None."""
        return self._process.poll() if self._process else self._last_returncode

    _last_returncode: Optional[int] = None

    @property
    def closed(self) -> bool:
        return self._process is None

    def stderr_tail(self) -> str:
        """The end of what the process has written on standard error so far."""
        with self._stderr_lock:
            return _tail(b"".join(self._stderr_tail))

    def check(
        self,
        body: Union[bytes, bytearray, memoryview, str],
        url: Optional[str] = None,
        content_type: Optional[str] = None,
        required: Optional[List[str]] = None,
        id: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Checks one page and returns `beian serve`'s report: a dict with `findings`,
        `issues`, `valid`, `encoding`, `format`, `source`… (the objects of
        `beian check --format json`).

        body: the page. Bytes are sent as they are (base64), for beian to detect their
          encoding, helped by `content_type`'s charset; a str is sent as text.
        url: the page's address; it becomes the report's `source`.
        content_type: the HTTP Content-Type, e.g. "text/html; charset=gbk".
        required: kind codes whose absence is an error (`missing_required`), e.g.
          ["icp_filing"].
        id: any string, echoed in the answer (the `source` when there is no url).

        Raises BeianRequestError when beian refuses the request, BeianProcessError when the
        process has ended, BeianTimeoutError, BeianProtocolError.
        """
        request: Dict[str, Any] = {}
        if isinstance(body, str):
            request["body"] = body
        elif isinstance(body, (bytes, bytearray, memoryview)):
            request["body_base64"] = base64.b64encode(bytes(body)).decode("ascii")
        else:
            raise TypeError(
                f"body 应为 bytes 或 str，而不是 {type(body).__name__} / "
                f"body must be bytes or str, not {type(body).__name__}"
            )
        if url is not None:
            request["url"] = url
        if id is not None:
            request["id"] = id
        if content_type is not None:
            request["content_type"] = content_type
        if required is not None:
            request["required"] = list(required)
        return self.request(request)

    def request(self, request: Dict[str, Any]) -> Dict[str, Any]:
        """Sends one request object as it is (for fields `check` does not know) and returns
        the answer; errors as for `check`."""
        request_id = request.get("id")
        # Lone surrogates (a str decoded with surrogateescape) have no UTF-8 form: each is
        # sent as "?" rather than failing the request.
        line = json.dumps(request, ensure_ascii=False).encode("utf-8", errors="replace") + b"\n"
        with self._lock:
            response = self._parse(self._exchange(line), request_id)
        error = response.get("error")
        if error is not None:
            zh = error.get("zh", "") if isinstance(error, dict) else str(error)
            en = error.get("en", "") if isinstance(error, dict) else str(error)
            raise BeianRequestError(f"beian 拒绝了请求：{zh}", f"beian refused the request: {en}", response)
        return response

    def close(self) -> Optional[int]:
        """Ends the process: closes its standard input (which `beian serve` takes as the end
        of its work), waits `close_timeout` seconds, then kills it. Returns its exit status.
        Safe to call more than once."""
        with self._lock:
            process = self._process
            if process is None:
                return self._last_returncode
            self._process = None
            try:
                if process.stdin:
                    process.stdin.close()
            except OSError:
                pass
            try:
                status = process.wait(timeout=self.close_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                status = process.wait()
            if process.stdout:
                process.stdout.close()
            self._stderr_thread.join(timeout=5)
            self._last_returncode = status
            return status

    def __del__(self):  # a forgotten client should not leave a process behind
        try:
            if self._process is not None:
                self._process.kill()
                self._process.wait(timeout=5)
        except Exception:
            pass

    # Internals ---------------------------------------------------------------------------

    def _drain_stderr(self) -> None:
        stream = self._process.stderr if self._process else None
        if stream is None:
            return
        while True:
            try:
                chunk = stream.read(4096) if hasattr(stream, "read") else b""
            except (OSError, ValueError):
                return
            if not chunk:
                return
            with self._stderr_lock:
                self._stderr_tail.append(chunk)
                self._stderr_size += len(chunk)
                while self._stderr_size - len(self._stderr_tail[0]) >= STDERR_TAIL_BYTES:
                    self._stderr_size -= len(self._stderr_tail.popleft())

    def _exchange(self, line: bytes) -> bytes:
        process = self._process
        if process is None:
            raise BeianProcessError("BeianClient 已关闭", "the BeianClient is closed")
        try:
            view = memoryview(line)
            while view:  # an unbuffered pipe may take a long line in parts
                written = process.stdin.write(view)
                view = view[written:]
        except OSError:  # BrokenPipeError and the like: the process is gone
            self._raise_ended()
        return self._read_line(process)

    def _parse(self, answer: bytes, id: Optional[str]) -> Dict[str, Any]:
        try:
            response = json.loads(answer)
        except ValueError:
            self._abandon()
            raise BeianProtocolError(
                f"beian serve 的回答不是 JSON，进程已结束：{answer[:200]!r}",
                f"beian serve answered with something that is not JSON; the process was ended: {answer[:200]!r}",
            ) from None
        if not isinstance(response, dict) or response.get("id") != id:
            self._abandon()
            raise BeianProtocolError(
                f"beian serve 的回答与请求不符（请求的 id 为 {id!r}），进程已结束：{answer[:200]!r}",
                f"beian serve's answer does not match the request (id {id!r}); the process was ended: {answer[:200]!r}",
            )
        return response

    def _read_line(self, process: subprocess.Popen) -> bytes:
        fd = process.stdout.fileno()
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        while True:
            newline = self._pending.find(b"\n")
            if newline >= 0:
                answer = bytes(self._pending[:newline])
                del self._pending[: newline + 1]
                return answer
            if deadline is not None:
                remaining = deadline - time.monotonic()
                ready = select.select([fd], [], [], max(remaining, 0))[0] if remaining > 0 else []
                if not ready:
                    self._abandon()
                    raise BeianTimeoutError(
                        f"beian serve 在 {self.timeout} 秒内没有回答；进程已结束",
                        f"beian serve did not answer within {self.timeout} s; the process was ended",
                    )
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                self._raise_ended()
            self._pending += chunk

    def _raise_ended(self) -> None:
        process = self._process
        status = None
        if process is not None:
            try:
                status = process.wait(timeout=self.close_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                status = process.wait()
        self._stderr_thread.join(timeout=2)
        stderr = self.stderr_tail()
        self._abandon()
        self._last_returncode = status
        shown = stderr[-2000:] if stderr else "（无 / none）"
        raise BeianProcessError(
            f"beian serve 意外结束（退出码 {status}）；标准错误末尾：{shown}",
            f"beian serve ended unexpectedly (exit status {status}); end of its standard error: {shown}",
            returncode=status,
            stderr=stderr,
        )

    def _abandon(self) -> None:
        """Kills the process after a failure that leaves its stream unusable."""
        process = self._process
        if process is None:
            return
        self._process = None
        for stream in (process.stdin, process.stdout):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass
        if process.poll() is None:
            process.kill()
        self._last_returncode = process.wait()
