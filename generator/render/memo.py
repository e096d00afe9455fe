"""The preview's memory of the pages it rendered, so that an edit re-renders only the pages
it changed.

``handbook serve`` regenerates after every save, in one long-lived process. Building every
page's context is cheap next to filling its template (on the ``large`` benchmark handbook,
1.2 s against about 2 s for one language), and a context whose values are equal to the
previous one's fills the same template into the same Markdown. So each page's template,
labels and context are kept with its Markdown; when all three are equal the next time,
the Markdown is reused instead of rendered. Equality is that of the values themselves
(entities and texts are dataclasses and values, compared field by field), so any
difference at all renders the page again.

Only the last generation of the language the preview shows is kept: the memory stays
flat over a long preview. Commands that run once (``generate``, ``build``, ``publish``)
keep no memo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING

from generator.presentation.environment import TEMPLATES, render

if TYPE_CHECKING:
    from generator.presentation.environment import PageView


@dataclass(frozen=True)
class _Rendered:
    template: str
    labels: SimpleNamespace
    context: PageView
    markdown: str


@dataclass
class PageMemo:
    """Each page's last rendering in the language ``lang``; counts what was reused."""

    lang: str
    pages: dict[str, _Rendered] = field(default_factory=dict)
    reused: int = 0
    rendered: int = 0
    templates: tuple[tuple[str, int], ...] = ()

    def start(self) -> None:
        """Begin a generation: forget everything if a template file changed since the last
        (a page's template may include others, so any change counts)."""
        stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in TEMPLATES.iterdir()))
        if stamp != self.templates:
            self.pages.clear()
            self.templates = stamp
        self.reused = self.rendered = 0

    def render(self, path: str, template: str, context: PageView, labels: SimpleNamespace) -> str:
        """``render(template, context, labels)``, or the same Markdown as last time when
        nothing that goes into it changed."""
        last = self.pages.get(path)
        if (
            last is not None
            and last.template == template
            and last.labels == labels
            and last.context == context
        ):
            self.reused += 1
            return last.markdown
        markdown = render(template, context, labels)
        self.pages[path] = _Rendered(template, labels, context, markdown)
        self.rendered += 1
        return markdown

    def keep_only(self, paths: set[str]) -> None:
        """Forget the pages the last generation no longer has."""
        for path in [path for path in self.pages if path not in paths]:
            del self.pages[path]
