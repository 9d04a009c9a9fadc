"""Help that Korean and Japanese users need besides translation, in every language: the theft outcomes name
Korea's and Japan's official reporting channels, and the lost-phone steps name Samsung's find-my-device service
with the same rule as the others (lock first; never erase a phone that holds the wallet's only copy)."""
from __future__ import annotations

import re

import pytest

LOCALES = ("zh-CN", "en", "zh-TW", "ja", "ko")
URGENT = ("_safety_gate.nodes.scam_urgent.body", "_safety_gate.nodes.leak_urgent.body")
LOST_PHONE = ("lost_wallet.nodes.phone_act_now.body", "lost_wallet.nodes.no_backup.body",
              "lost_wallet.nodes.phone_urgent.body")
DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b")
# Wording that forbids erasing, per locale (the no-backup node must keep it next to the new service).
NEVER_ERASE = {"zh-CN": "绝不远程抹掉", "zh-TW": "絕不遠端抹掉", "en": "never erase", "ja": "絶対に消去しない",
               "ko": "절대 지우지 마세요"}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", URGENT)
def test_theft_outcomes_name_korean_and_japanese_police_channels(catalog, locale, key):
    body = catalog.text(locale, key)
    for token in ("112", "ecrm.police.go.kr", "#9110", "110"):
        assert token in body, (locale, key, token)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_full_theft_outcome_points_to_the_list_of_prefectural_cyber_crime_desks(catalog, locale):
    assert "npa.go.jp" in catalog.text(locale, URGENT[1])


def test_every_reporting_site_named_in_a_theft_outcome_is_on_the_link_allow_list(catalog):
    named = {d for locale in LOCALES for key in URGENT for d in DOMAIN.findall(catalog.text(locale, key))}
    assert {"ecrm.police.go.kr", "npa.go.jp", "ic3.gov"} <= named
    allowed = set(catalog.link_domains)
    assert {d for d in named if not any(d == a or d.endswith("." + a) for a in allowed)} == set()


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", LOST_PHONE)
def test_lost_phone_steps_name_samsungs_find_service_beside_the_others(catalog, locale, key):
    body = catalog.text(locale, key)
    assert "SmartThings Find" in body, (locale, key)
    line = next(s for s in body.splitlines() if "SmartThings Find" in s)
    assert "iPhone" in line and ("Xiaomi" in line or "小米" in line), (locale, key)  # the same sentence, same rule


@pytest.mark.parametrize("locale", LOCALES)
def test_a_phone_with_the_only_copy_is_still_locked_never_erased(catalog, locale):
    body = catalog.text(locale, LOST_PHONE[1])
    first = body.splitlines()[0]
    assert "SmartThings Find" in first and NEVER_ERASE[locale] in first, locale
