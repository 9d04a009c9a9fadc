"""One configured Markdown renderer: raw HTML is escaped, images dropped, links filtered by domain.

Content comes from translators' files; nothing in it may load a remote resource or hide a link target.
`render_marked` also marks the first use of each explained term (an underlined `<a name="term-<id>">`, no
link), so the window can underline it with dots and explain it under the text.
"""
from __future__ import annotations

import html
from functools import lru_cache
from urllib.parse import urlsplit
from xml.etree import ElementTree

from assistant.content.terms import first_uses

TERM_ANCHOR = "term-"
_NOT_MARKED_INSIDE = frozenset({"a", "code", "pre"})


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

    class TermMarks(Treeprocessor):
        """Wraps the first use of each term in `md.wsa_terms` in a named anchor; records the ids in `md.wsa_marked`."""

        def run(self, root: ElementTree.Element) -> None:
            self.remaining = dict(getattr(self.md, "wsa_terms", ()))
            if self.remaining:
                self._walk(root)

        def _split(self, text: str) -> tuple[str, list[ElementTree.Element]]:
            made: list[ElementTree.Element] = []
            head, last = text, 0
            for term_id, start, end in first_uses(text, self.remaining.items()):
                mark = ElementTree.Element("a", {"name": TERM_ANCHOR + term_id})
                # underlined even where the dots are not drawn (the window turns the line into dots)
                ElementTree.SubElement(mark, "span", {"style": "text-decoration: underline"}).text = text[start:end]
                if made:
                    made[-1].tail = text[last:start]
                else:
                    head = text[:start]
                made.append(mark)
                last = end
                del self.remaining[term_id]
                self.md.wsa_marked.append(term_id)
            if made:
                made[-1].tail = text[last:]
            return head, made

        def _walk(self, elem: ElementTree.Element) -> None:
            if elem.text and elem.tag not in _NOT_MARKED_INSIDE:
                elem.text, made = self._split(elem.text)
                for index, mark in enumerate(made):
                    elem.insert(index, mark)
            for child in list(elem):
                if child.get("name", "").startswith(TERM_ANCHOR):
                    continue
                if child.tag not in _NOT_MARKED_INSIDE:
                    self._walk(child)
                if child.tail:
                    child.tail, made = self._split(child.tail)
                    at = list(elem).index(child) + 1
                    for offset, mark in enumerate(made):
                        elem.insert(at + offset, mark)

    class LinkPolicyExtension(Extension):
        def extendMarkdown(self, md) -> None:
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(LinkPolicy(md), "link_policy", 0)
            md.treeprocessors.register(TermMarks(md), "term_marks", -1)  # after the link policy: marks are no links

    return LinkPolicyExtension()


@lru_cache(maxsize=8)
def _renderer(allowed: tuple[str, ...]):
    import markdown

    return markdown.Markdown(extensions=[_make_extension(allowed), "sane_lists"], output_format="html")


def render(text: str, allowed_domains: tuple[str, ...] = ()) -> str:
    return render_marked(text, allowed_domains)[0]


def render_marked(text: str, allowed_domains: tuple[str, ...] = (),
                  terms: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> tuple[str, list[str]]:
    """HTML with the first use of each (term id, forms) marked, and the ids marked, in reading order."""
    md = _renderer(tuple(allowed_domains))
    md.reset()
    md.wsa_terms, md.wsa_marked = terms, []
    return md.convert(text), list(md.wsa_marked)


def to_plain(text: str) -> str:
    """Markdown to readable plain text (for emails and accessible descriptions)."""
    rendered = render(text)
    try:
        return "".join(ElementTree.fromstring(f"<div>{rendered}</div>").itertext()).strip()
    except ElementTree.ParseError:
        return html.unescape(rendered)
