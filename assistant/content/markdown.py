"""One configured Markdown renderer: raw HTML is escaped, images dropped, links filtered by domain.

Content comes from translators' files; nothing in it may load a remote resource or hide a link target.
"""
from __future__ import annotations

import html
from functools import lru_cache
from urllib.parse import urlsplit
from xml.etree import ElementTree


def host_allowed(url: str, allowed: tuple[str, ...]) -> bool:
    """True for https URLs whose host is an allowed domain or a sub-domain of one."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme != "https" or not host:
        return False
    return any(host == d or host.endswith("." + d) for d in allowed)


def _make_extension(allowed: tuple[str, ...]):
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class LinkPolicy(Treeprocessor):
        def run(self, root: ElementTree.Element) -> None:
            for parent in root.iter():
                for index, child in enumerate(list(parent)):
                    if child.tag == "img":
                        # never fetch remote images; keep the alt text
                        span = ElementTree.Element("span")
                        span.text = child.get("alt", "")
                        span.tail = child.tail
                        parent.remove(child)
                        parent.insert(index, span)
                    elif child.tag == "a":
                        href = child.get("href", "")
                        if host_allowed(href, allowed):
                            child.set("title", href)
                        else:
                            # disallowed link: plain text that still shows where it pointed
                            child.tag = "span"
                            child.attrib.clear()
                            child.text = (child.text or "") + (f" ({href})" if href else "")

    class LinkPolicyExtension(Extension):
        def extendMarkdown(self, md) -> None:
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(LinkPolicy(md), "link_policy", 0)

    return LinkPolicyExtension()


@lru_cache(maxsize=8)
def _renderer(allowed: tuple[str, ...]):
    import markdown

    return markdown.Markdown(extensions=[_make_extension(allowed), "sane_lists"], output_format="html")


def render(text: str, allowed_domains: tuple[str, ...] = ()) -> str:
    md = _renderer(tuple(allowed_domains))
    md.reset()
    return md.convert(text)


def to_plain(text: str) -> str:
    """Markdown to readable plain text (for emails and accessible descriptions)."""
    rendered = render(text)
    try:
        return "".join(ElementTree.fromstring(f"<div>{rendered}</div>").itertext()).strip()
    except ElementTree.ParseError:
        return html.unescape(rendered)
