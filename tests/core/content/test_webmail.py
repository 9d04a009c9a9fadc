"""Webmail services for the send step come from content/webmail.toml: every UI language lists every service, its
readers' common ones first (Korean: Naver and Daum; Japanese: Gmail and Yahoo! JAPAN), and `check` names an
order that points at a service or language that does not exist, or a service without its words."""
from __future__ import annotations

import pytest

from assistant.app.review import ReviewModel
from assistant.app.send import Route, SendModel
from assistant.app.session import FlowController
from assistant.checks.catalog import run_checks
from tests.core.app.cases import TRON_PENDING, TRON_VALUES, walk
from tests.core.app.test_review import Answers


def first_ids(catalog, locale: str, count: int) -> list[str]:
    return [p.id for p in catalog.webmail.ordered(catalog.chain(locale))][:count]


@pytest.mark.parametrize(("locale", "first"), [
    ("ko", ["naver", "daum", "gmail"]),
    ("ja", ["gmail", "yahoo_japan", "outlook"]),
    ("zh-CN", ["qq", "netease"]),
    ("en", ["gmail", "outlook"]),
])
def test_each_language_shows_its_readers_common_webmail_first(catalog, locale, first):
    assert first_ids(catalog, locale, len(first)) == first


def test_every_language_offers_every_webmail_service_once(catalog):
    every = {p.id for p in catalog.webmail.providers}
    assert {"naver", "daum", "yahoo_japan", "qq", "netease", "gmail", "outlook"} <= every
    for locale in catalog.locales:
        ordered = [p.id for p in catalog.webmail.ordered(catalog.chain(locale))]
        assert sorted(ordered) == sorted(every) and len(ordered) == len(set(ordered)), locale


def test_korean_and_japanese_services_open_their_own_sites(catalog):
    sites = {p.id: p.site for p in catalog.webmail.providers}
    assert sites["naver"] == "mail.naver.com"
    assert sites["daum"] == "mail.daum.net"
    assert sites["yahoo_japan"] == "mail.yahoo.co.jp"


@pytest.fixture
def review(catalog):
    controller = FlowController(catalog, "ko")
    controller.open_flow("pending_transaction")
    walk(controller, TRON_PENDING, TRON_VALUES)
    return ReviewModel(catalog, controller.session, "ko", Answers())


def test_korean_send_step_preselects_naver_and_follows_a_language_change_until_the_person_picks(review):
    send = SendModel(review, "ko")
    assert send.webmail == "naver" and send.site == "mail.naver.com" and Route.WEBMAIL in send.routes
    send.set_locale("ja")
    assert send.webmail == "gmail" and send.provider_ids[:2] == ("gmail", "yahoo_japan")
    send.choose_webmail("daum")
    send.set_locale("zh-CN")
    assert send.webmail == "daum" and send.site == "mail.daum.net"  # the person's own pick stays
    with pytest.raises(ValueError, match="unknown webmail provider 'hotmail'"):
        send.choose_webmail("hotmail")


def test_check_names_an_order_with_an_unknown_service_or_language(content_copy):
    path = content_copy / "webmail.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('ko = ["naver", "daum"', 'ko = ["naver", "kakao", "daum"')
                    + 'vi = ["gmail"]\n', encoding="utf-8")
    problems = [p for p in run_checks(content_copy) if p.path == path]
    lines = path.read_text(encoding="utf-8").splitlines()
    ko_line = next(i for i, line in enumerate(lines, 1) if line.startswith("ko = "))
    assert [(p.code, p.line) for p in problems] == [("E010", ko_line), ("E010", len(lines))]
    assert "'kakao'" in problems[0].message and "'vi'" in problems[1].message


def test_check_names_a_service_without_its_words_in_the_source(content_copy):
    path = content_copy / "webmail.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("[order]", 'nate = { site = "mail.nate.com" }\n\n[order]'),
                    encoding="utf-8")
    problems = [p for p in run_checks(content_copy) if p.path == path]
    assert {p.code for p in problems} == {"E020"}
    assert sorted(p.message.split("'")[3] for p in problems) == ["send.attach.nate", "send.compose.nate",
                                                                  "send.webmail.nate"]


def test_without_webmail_services_the_webmail_route_is_not_offered(review):
    from dataclasses import replace

    from assistant.content.webmail import Webmail

    review.catalog = replace(review.catalog, webmail=Webmail())
    send = SendModel(review, "ko")
    assert send.webmail == "" and send.routes == (Route.MAIL_APP, Route.IN_APP)
