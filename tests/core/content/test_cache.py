"""The start-up content cache returns what a fresh load would, and misses as soon as any file changes."""
import os

from assistant.content.cache import cached
from assistant.content.catalog import load_catalog
from tests.core.content_fixture import write_content


def counting_loader(calls):
    def load(path):
        calls.append(path)
        return load_catalog(path)
    return load


def test_second_start_reuses_the_parsed_content(tmp_path):
    content = write_content(tmp_path / "content")
    calls = []
    first = cached(content, counting_loader(calls), tmp_path / "cache")
    second = cached(content, counting_loader(calls), tmp_path / "cache")
    assert len(calls) == 1
    assert second.texts == first.texts and second.flows == first.flows


def test_editing_a_translation_invalidates_the_cache(tmp_path):
    content = write_content(tmp_path / "content")
    calls = []
    cached(content, counting_loader(calls), tmp_path / "cache")
    en = content / "locales" / "en" / "app_crash.toml"
    en.write_text(en.read_text(encoding="utf-8").replace("Restart the phone", "Restart your phone"), encoding="utf-8")
    os.utime(en, ns=(1, 1))  # even with an odd timestamp, the size differs
    fresh = cached(content, counting_loader(calls), tmp_path / "cache")
    assert len(calls) == 2
    assert fresh.text("en", "app_crash.nodes.restart_app.title") == "Restart your phone"
    assert len(list((tmp_path / "cache").glob("catalog-*.pickle"))) == 1


def test_a_damaged_cache_is_ignored_and_rebuilt(tmp_path):
    content = write_content(tmp_path / "content")
    calls = []
    cached(content, counting_loader(calls), tmp_path / "cache")
    for path in (tmp_path / "cache").glob("catalog-*.pickle"):
        path.write_bytes(b"not a pickle")
    catalog = cached(content, counting_loader(calls), tmp_path / "cache")
    assert len(calls) == 2 and "app_crash" in catalog.flows


def test_a_cached_start_unpickles_only_the_locales_it_reads(tmp_path):
    content = write_content(tmp_path / "content")
    cached(content, counting_loader([]), tmp_path / "cache")
    catalog = cached(content, counting_loader([]), tmp_path / "cache")
    assert catalog.texts.loaded() == []
    assert catalog.text("en", "app_crash.nodes.restart_app.title") == "Restart the phone"
    assert set(catalog.texts.loaded()) <= set(catalog.chain("en"))
    assert "zh-CN" in catalog.texts and len(catalog.texts) == len(catalog.locales)
    assert catalog.texts["zh-CN"] == load_catalog(content).texts["zh-CN"]  # the rest is still there, on demand


def test_a_cached_start_unpickles_no_flow_until_one_is_opened(tmp_path):
    content = write_content(tmp_path / "content")
    fresh = load_catalog(content)
    cached(content, counting_loader([]), tmp_path / "cache")
    catalog = cached(content, counting_loader([]), tmp_path / "cache")
    assert list(catalog.flows) == list(fresh.flows)  # the home page's list, in the content's order
    assert catalog.flows.loaded() == [] and catalog.variants.loaded() == []
    assert catalog.flows["app_crash"] == fresh.flows["app_crash"]
    assert catalog.flows.loaded() == ["app_crash"]


def test_cached_texts_read_back_as_the_entries_the_parser_made(tmp_path):
    import pickle

    content = write_content(tmp_path / "content")
    fresh = load_catalog(content)
    cached(content, counting_loader([]), tmp_path / "cache")
    catalog = cached(content, counting_loader([]), tmp_path / "cache")
    key = "app_crash.nodes.restart_app.title"
    entry, expected = catalog.texts["en"][key], fresh.texts["en"][key]
    assert entry == expected and entry.path == expected.path and entry.line == expected.line
    assert dict(catalog.texts["en"]) == fresh.texts["en"]
    copy = pickle.loads(pickle.dumps(catalog))  # a copy (the translator window's) is plain dicts throughout
    assert type(copy.texts) is dict and type(copy.texts["en"]) is dict and type(copy.flows) is dict
    assert copy.texts == fresh.texts and copy.flows == fresh.flows


def test_a_cache_file_cut_short_is_rebuilt_not_half_read(tmp_path):
    content = write_content(tmp_path / "content")
    calls = []
    cached(content, counting_loader(calls), tmp_path / "cache")
    (path,) = (tmp_path / "cache").glob("catalog-*.pickle")
    path.write_bytes(path.read_bytes()[: path.stat().st_size - 100])  # a disk that filled up mid-write
    catalog = cached(content, counting_loader(calls), tmp_path / "cache")
    assert len(calls) == 2
    assert catalog.text("en", "app_crash.nodes.restart_app.title") == "Restart the phone"


def test_a_running_copy_keeps_reading_its_cache_when_a_later_start_replaces_it(tmp_path):
    content = write_content(tmp_path / "content")
    cached(content, counting_loader([]), tmp_path / "cache")
    running = cached(content, counting_loader([]), tmp_path / "cache")  # nothing unpickled yet
    en = content / "locales" / "en" / "app_crash.toml"
    en.write_text(en.read_text(encoding="utf-8").replace("Restart the phone", "Restart your phone"), encoding="utf-8")
    cached(content, counting_loader([]), tmp_path / "cache")  # another start rewrites the cache for the edit
    assert running.text("en", "app_crash.nodes.restart_app.title") == "Restart the phone"  # what it started with


def test_two_copies_of_the_content_keep_their_own_cache(tmp_path):
    # A translator's source checkout and the installed app share one data folder: neither start may evict the
    # other's cache, or every start after switching would parse everything again.
    first, second = write_content(tmp_path / "checkout"), write_content(tmp_path / "installed")
    calls = []
    for content in (first, second, first, second):
        cached(content, counting_loader(calls), tmp_path / "cache")
    assert calls == [first, second]
    assert len(list((tmp_path / "cache").glob("catalog-*.pickle"))) == 2


def test_code_without_folders_on_disk_still_gets_a_cache(tmp_path, monkeypatch):
    # In the one-folder bundle the app's modules live in an archive: their folders do not exist on disk.
    import assistant.content.cache as cache_module

    content = write_content(tmp_path / "content")
    monkeypatch.setattr(cache_module, "__file__", str(tmp_path / "archive" / "assistant" / "content" / "cache.pyc"))
    calls = []
    cached(content, counting_loader(calls), tmp_path / "cache")
    cached(content, counting_loader(calls), tmp_path / "cache")
    assert len(calls) == 1


def _damage_part(cache_folder, part: str, key: str) -> None:
    """Overwrite one stored part with garbage of the same length (the header still says where it lies)."""
    import pickle

    (path,) = cache_folder.glob("catalog-*.pickle")
    data = bytearray(path.read_bytes())
    length = int.from_bytes(data[:8], "little")
    index = pickle.loads(bytes(data[8:8 + length]))[3]
    start, size = index[part][key]
    data[8 + length + start:8 + length + start + size] = b"\x00" * size
    path.write_bytes(bytes(data))


def test_a_part_damaged_on_disk_is_read_from_the_content_files_when_opened(tmp_path):
    content = write_content(tmp_path / "content")
    fresh = load_catalog(content)
    calls = []
    cached(content, counting_loader(calls), tmp_path / "cache")
    _damage_part(tmp_path / "cache", "flows", "app_crash")
    _damage_part(tmp_path / "cache", "texts", "en")
    catalog = cached(content, counting_loader(calls), tmp_path / "cache")  # the header is fine: a cache hit
    assert len(calls) == 1
    flow = catalog.flows["app_crash"]
    assert flow == fresh.flows["app_crash"]  # parsed afresh instead of a crash
    assert catalog.flows["app_crash"] is flow and "app_crash" in catalog.flows  # and kept for the next look
    assert catalog.text("en", "app_crash.nodes.restart_app.title") == "Restart the phone"
    assert len(calls) == 2  # one parse served both damaged parts


def test_threads_reading_the_same_part_first_all_get_it(tmp_path):
    import threading

    content = write_content(tmp_path / "content")
    cached(content, counting_loader([]), tmp_path / "cache")
    for _ in range(20):
        catalog = cached(content, counting_loader([]), tmp_path / "cache")
        results, errors = [], []

        def read(catalog=catalog, results=results, errors=errors):
            try:
                results.append(catalog.texts["en"]["app_crash.nodes.restart_app.title"].value)
            except Exception as error:  # noqa: BLE001 - collected for the assertion
                errors.append(error)

        threads = [threading.Thread(target=read) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == [] and results == ["Restart the phone"] * 4


def test_an_edit_inside_a_linked_folder_misses_the_cache(tmp_path):
    content = write_content(tmp_path / "content")
    real = tmp_path / "en-real"
    (content / "locales" / "en").rename(real)
    (content / "locales" / "en").symlink_to(real, target_is_directory=True)
    calls = []
    cached(content, counting_loader(calls), tmp_path / "cache")
    en = real / "app_crash.toml"
    en.write_text(en.read_text(encoding="utf-8").replace("Restart the phone", "Restart your phone"), encoding="utf-8")
    catalog = cached(content, counting_loader(calls), tmp_path / "cache")
    assert len(calls) == 2
    assert catalog.text("en", "app_crash.nodes.restart_app.title") == "Restart your phone"


def test_a_new_program_version_misses_the_cache_even_with_the_same_content(tmp_path, monkeypatch):
    # In the bundle the parsing code is inside the executable: an upgrade shows as a changed executable.
    import sys

    program = tmp_path / "wallet-support"
    program.write_bytes(b"version 1")
    monkeypatch.setattr(sys, "executable", str(program))
    content = write_content(tmp_path / "content")
    calls = []
    cached(content, counting_loader(calls), tmp_path / "cache")
    cached(content, counting_loader(calls), tmp_path / "cache")
    program.write_bytes(b"version 2, a little longer")
    cached(content, counting_loader(calls), tmp_path / "cache")
    assert len(calls) == 2
