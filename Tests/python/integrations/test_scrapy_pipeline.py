"""BeianPipeline (Integrations/python/scrapy_pipeline.py), without Scrapy: plain items and a
stand-in spider and crawler. Tests taking `serve` run against the real `beian serve`, or the
fake while it is missing (see integration_support.py)."""
import dataclasses
import logging

import pytest

from integration_support import serve, write_script  # noqa: F401 (fixture)

from beian_client import BeianError, BeianProcessError, BeianNotFoundError
from scrapy_pipeline import BeianPipeline

PAGE = "<html><body><footer>京ICP备05002571号-1 京公网安备 11010802020088号</footer></body></html>"


class Spider:
    name = "test"
    logger = logging.getLogger("test-spider")


class Item:
    """Like scrapy.Item: item access only, and only for declared fields."""

    fields = ("url", "body", "content_type", "beian")

    def __init__(self, **values):
        self._values = dict(values)

    def __getitem__(self, key):
        return self._values[key]

    def __setitem__(self, key, value):
        if key not in self.fields:
            raise KeyError(f"{type(self).__name__} does not support field: {key}")
        self._values[key] = value


@dataclasses.dataclass
class PageRecord:
    url: str
    body: bytes
    beian: object = None


class Stats:
    def __init__(self):
        self.values = {}

    def inc_value(self, key):
        self.values[key] = self.values.get(key, 0) + 1


class Crawler:
    def __init__(self, settings):
        self.settings = settings
        self.stats = Stats()


def run(pipeline, *items):
    spider = Spider()
    pipeline.open_spider(spider)
    try:
        return [pipeline.process_item(item, spider) for item in items]
    finally:
        pipeline.close_spider(spider)


def test_dict_item(serve):
    item = {"url": "https://example.cn/", "body": PAGE.encode("utf-8"), "content_type": b"text/html; charset=utf-8"}
    (out,) = run(BeianPipeline(binary=serve.binary, reference_year=2026), item)
    assert out is item
    result = item["beian"]
    assert set(result) == {"findings", "issues", "valid", "encoding"}
    assert result["valid"] is True
    assert {f["kind"] for f in result["findings"]} == {"icp_filing", "public_security_filing"}
    assert result["encoding"] == "UTF-8"


def test_object_item_and_gbk_text(serve):
    item = Item(url="https://example.cn/gbk", body=PAGE.encode("gbk"), content_type="text/html; charset=GBK")
    (out,) = run(BeianPipeline(binary=serve.binary, required=["icp_filing"]), item)
    numbers = sorted(f["number"] for f in out["beian"]["findings"])
    assert numbers == ["05002571", "11010802020088"]


def test_dataclass_item_gets_an_attribute(serve):
    item = PageRecord(url="https://example.cn/", body=PAGE.encode("utf-8"))
    run(BeianPipeline(binary=serve.binary), item)
    assert item.beian["valid"] is True


def test_from_crawler_settings(serve):
    crawler = Crawler({
        "BEIAN_BINARY": serve.binary,
        "BEIAN_BODY_FIELD": "html",
        "BEIAN_URL_FIELD": "page",
        "BEIAN_OUTPUT_FIELD": "registration",
        "BEIAN_REQUIRED": "icp_filing, hotline",
        "BEIAN_REFERENCE_YEAR": "2026",
    })
    pipeline = BeianPipeline.from_crawler(crawler)
    assert pipeline.required == ["icp_filing", "hotline"] and pipeline.reference_year == 2026
    item = {"page": "https://example.cn/", "html": PAGE}
    run(pipeline, item)
    result = item["registration"]
    assert result["valid"] is False
    assert [i["code"] for i in result["issues"]] == ["missing_required"]
    assert crawler.stats.values == {"beian/checked": 1, "beian/invalid": 1}


def test_item_without_body_passes_untouched(serve):
    item = {"url": "https://example.cn/"}
    run(BeianPipeline(binary=serve.binary), item)
    assert item == {"url": "https://example.cn/"}


def test_close_spider_ends_the_process(serve):
    pipeline = BeianPipeline(binary=serve.binary)
    pipeline.open_spider(Spider())
    process = pipeline.client._process
    pipeline.close_spider(Spider())
    assert pipeline.client is None and process.returncode == 0


def test_undeclared_output_field(serve):
    item = Item(url="https://example.cn/", body=PAGE)
    with pytest.raises(BeianError, match="scrapy.Field"):
        run(BeianPipeline(binary=serve.binary, output_field="registration"), item)


# Stubs: the pipeline's handling of refusals and crashes -------------------------------------

def test_refused_page_is_recorded(tmp_path):
    stub = write_script(tmp_path / "refusing", """
        #!/bin/sh
        while read line; do echo '{"id": null, "error": {"zh": "正文过大", "en": "the body is too large"}}'; done
        """)
    crawler = Crawler({"BEIAN_BINARY": stub})
    pipeline = BeianPipeline.from_crawler(crawler)
    item = {"url": "https://example.cn/", "body": b"x"}
    run(pipeline, item)
    assert item["beian"]["valid"] is None and item["beian"]["findings"] == []
    assert item["beian"]["error"] == {"zh": "正文过大", "en": "the body is too large"}
    assert crawler.stats.values == {"beian/request_errors": 1}


def test_crash_fails_the_item_and_the_next_item_restarts(tmp_path):
    counter = tmp_path / "starts"
    stub = write_script(tmp_path / "crashing", f"""
        #!/bin/sh
        echo start >> '{counter}'
        read line
        echo '{{"id": null, "findings": [], "issues": [], "valid": true}}'
        read line
        echo "crashed" >&2
        exit 6
        """)
    pipeline = BeianPipeline(binary=stub)
    spider = Spider()
    pipeline.open_spider(spider)
    first, second, third = ({"url": f"https://example.cn/{n}", "body": "x"} for n in range(3))
    pipeline.process_item(first, spider)
    with pytest.raises(BeianProcessError, match="crashed"):
        pipeline.process_item(second, spider)
    pipeline.process_item(third, spider)
    pipeline.close_spider(spider)
    assert first["beian"]["valid"] is True and "beian" not in second and third["beian"]["valid"] is True
    assert counter.read_text().count("start") == 2


def test_missing_binary_fails_at_open(tmp_path):
    with pytest.raises(BeianNotFoundError):
        BeianPipeline(binary=str(tmp_path / "nothing")).open_spider(Spider())
