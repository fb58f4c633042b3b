"""A Scrapy item pipeline that checks each scraped page with `beian serve`.

The pipeline needs no Scrapy import: it is a plain class with Scrapy's pipeline methods
(`from_crawler`, `open_spider`, `process_item`, `close_spider`), so it also works outside
Scrapy. One `beian serve` process (see beian_client.py) runs from `open_spider` to
`close_spider`.

The spider yields items that carry the page:

    def parse(self, response):
        yield {
            "url": response.url,
            "body": response.body,                                  # bytes, as received
            "content_type": response.headers.get("Content-Type"),   # bytes or str, optional
        }

and the pipeline adds, under "beian":

    item["beian"] = {"findings": [...], "issues": [...], "valid": True, "encoding": "UTF-8"}

(findings and issues as in `beian check --format json`). When beian refuses a page (a body
over 64 MiB, say) the item gets `{"findings": [], "issues": [], "valid": None, "encoding":
None, "error": {"zh": ..., "en": ...}}` and a warning is logged. An item without a body is
passed on untouched.

Items: dicts, scrapy.Item (declare the output field: `beian = scrapy.Field()`), and any
object that supports item assignment (`item[key] = value`); objects without it, such as
dataclasses, get the result as an attribute.

Settings (settings.py), all optional:

    ITEM_PIPELINES = {"scrapy_pipeline.BeianPipeline": 800}
    BEIAN_BINARY = "/usr/local/bin/beian"   # default: $BEIAN, else beian on PATH
    BEIAN_BODY_FIELD = "body"               # the field holding the page (bytes or str)
    BEIAN_URL_FIELD = "url"
    BEIAN_CONTENT_TYPE_FIELD = "content_type"
    BEIAN_OUTPUT_FIELD = "beian"
    BEIAN_REQUIRED = ["icp_filing"]         # or "icp_filing,public_security_filing"
    BEIAN_REFERENCE_YEAR = 2026
    BEIAN_LANG = "both"
    BEIAN_TIMEOUT = 30                      # seconds for one answer; default: no limit

Scrapy calls process_item in its event-loop thread and this pipeline answers synchronously;
a check takes milliseconds, but for very large pages the crawl waits while it runs.
"""
from __future__ import annotations

import logging
from typing import Any, List, Optional

from beian_client import BeianClient, BeianError, BeianProcessError, BeianRequestError

__all__ = ["BeianPipeline"]

logger = logging.getLogger("beian.pipeline")


def _as_text(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")  # HTTP header bytes
    if isinstance(value, (list, tuple)):  # Scrapy's getlist-style header values
        return _as_text(value[0]) if value else None
    return str(value)


def _as_list(value: Any) -> Optional[List[str]]:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [str(part) for part in value]


def _read(item: Any, name: str) -> Any:
    """item[name] for mappings and scrapy.Item (None when absent), else the attribute."""
    try:
        return item[name]
    except (KeyError, IndexError):
        return None
    except TypeError:
        return getattr(item, name, None)


def _write(item: Any, name: str, value: Any) -> None:
    try:
        item[name] = value
        return
    except KeyError as error:  # scrapy.Item refuses fields it does not declare
        raise BeianError(
            f"条目 {type(item).__name__} 不接受字段 {name!r}：请声明它（{name} = scrapy.Field()）或设置 BEIAN_OUTPUT_FIELD",
            f"the item {type(item).__name__} does not accept the field {name!r}: declare it "
            f"({name} = scrapy.Field()) or set BEIAN_OUTPUT_FIELD",
        ) from error
    except TypeError:
        pass
    try:
        setattr(item, name, value)
    except AttributeError as error:
        raise BeianError(
            f"无法把结果写入条目 {type(item).__name__} 的 {name!r}（既不支持 item[key] = value，也不能设置属性）",
            f"cannot store the result in {name!r} of the item {type(item).__name__} "
            "(it supports neither item[key] = value nor setting attributes)",
        ) from error


class BeianPipeline:
    """See the module's documentation for the fields and settings."""

    def __init__(
        self,
        binary: Optional[str] = None,
        body_field: str = "body",
        url_field: str = "url",
        content_type_field: Optional[str] = "content_type",
        output_field: str = "beian",
        required: Optional[List[str]] = None,
        reference_year: Optional[int] = None,
        lang: Optional[str] = None,
        timeout: Optional[float] = None,
        stats: Any = None,
    ):
        self.binary = binary
        self.body_field = body_field
        self.url_field = url_field
        self.content_type_field = content_type_field
        self.output_field = output_field
        self.required = _as_list(required)
        self.reference_year = reference_year
        self.lang = lang
        self.timeout = timeout
        self.stats = stats  # Scrapy's stats collector, when made by from_crawler
        self.client: Optional[BeianClient] = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> "BeianPipeline":
        pipeline = cls.from_settings(crawler.settings)
        pipeline.stats = getattr(crawler, "stats", None)
        return pipeline

    @classmethod
    def from_settings(cls, settings: Any) -> "BeianPipeline":
        """From a Scrapy Settings object or any mapping with `get`."""

        def get(name: str, default: Any = None) -> Any:
            value = settings.get(name)
            return default if value is None else value

        year = get("BEIAN_REFERENCE_YEAR")
        timeout = get("BEIAN_TIMEOUT")
        return cls(
            binary=get("BEIAN_BINARY"),
            body_field=get("BEIAN_BODY_FIELD", "body"),
            url_field=get("BEIAN_URL_FIELD", "url"),
            content_type_field=get("BEIAN_CONTENT_TYPE_FIELD", "content_type"),
            output_field=get("BEIAN_OUTPUT_FIELD", "beian"),
            required=_as_list(get("BEIAN_REQUIRED")),
            reference_year=int(year) if year is not None else None,
            lang=get("BEIAN_LANG"),
            timeout=float(timeout) if timeout is not None else None,
        )

    # Scrapy's pipeline methods ----------------------------------------------------------

    def open_spider(self, spider: Any = None) -> None:
        if self.client is None:
            self.client = self._start()

    def close_spider(self, spider: Any = None) -> None:
        client, self.client = self.client, None
        if client is not None:
            status = client.close()
            if status not in (0, None):
                self._log(spider).warning(
                    "beian serve 以退出码 %s 结束 / beian serve ended with exit status %s: %s",
                    status, status, client.stderr_tail()[-500:],
                )

    def process_item(self, item: Any, spider: Any = None) -> Any:
        body = _read(item, self.body_field)
        if body is None:
            self._log(spider).debug("条目没有 %r 字段，未检查 / item has no %r field; not checked",
                                    self.body_field, self.body_field)
            return item
        if not isinstance(body, (bytes, bytearray, memoryview, str)):
            body = str(body)
        url = _as_text(_read(item, self.url_field))
        content_type = _as_text(_read(item, self.content_type_field)) if self.content_type_field else None
        if self.client is None:  # not opened, or restarted after a crash
            self.client = self._start()
        try:
            report = self.client.check(body, url, content_type=content_type, required=self.required)
        except BeianRequestError as error:
            self._count("beian/request_errors")
            self._log(spider).warning("beian 未能检查 %s / beian could not check %s: %s", url, url, error)
            _write(item, self.output_field, {
                "findings": [], "issues": [], "valid": None, "encoding": None,
                "error": (error.response or {}).get("error") or {"zh": error.zh, "en": error.en},
            })
            return item
        except BeianProcessError:
            # The process is gone; the next item starts a new one. This item fails (Scrapy
            # logs the error and drops it).
            self._count("beian/process_errors")
            self.client = None
            raise
        self._count("beian/checked")
        if report.get("valid") is False:
            self._count("beian/invalid")
        _write(item, self.output_field, {
            "findings": report.get("findings", []),
            "issues": report.get("issues", []),
            "valid": report.get("valid"),
            "encoding": report.get("encoding"),
        })
        return item

    # Internals ---------------------------------------------------------------------------

    def _start(self) -> BeianClient:
        return BeianClient(binary=self.binary, reference_year=self.reference_year, lang=self.lang,
                           timeout=self.timeout)

    def _count(self, key: str) -> None:
        if self.stats is not None:
            try:
                self.stats.inc_value(key)
            except Exception:
                pass

    @staticmethod
    def _log(spider: Any) -> Any:
        return getattr(spider, "logger", None) or logger
