"""The review session page, and the pages its cards come from on a large handbook.

A card is a drill or a quiz question, with what the browser needs to show and grade it.
The session page (practice.js) shows the cards due today, one at a time. A handbook of a
few hundred cards has them all on the session page. A larger one would make that page
megabytes (7.3 MB for the 5,000 questions of the ``large`` benchmark handbook), so its
cards go, :data:`CARDS_PER_PAGE` at a time, on pages of their own below the session
page, and the session page lists which cards (and fingerprints) each holds: the browser
fetches only the pages with a card due. They are pages of the same site, so the session
still needs nothing from the internet.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.model import entities as e
from generator.model.fingerprint import drill_fingerprint, question_fingerprint
from generator.presentation.links import relative, served_relative
from generator.render.context.learning import question_view
from generator.render.context.learning_views import QuestionView
from generator.render.context.practice import REVIEW, _drill, drills_of
from generator.render.context.process_views import CardPage, CardsPage, Drill, ReviewPage
from generator.render.context.site import Site

# About 300 KB of HTML a page (a card is 0.5 to 1.5 KB): well under the 1 MB a built file
# may weigh, and few pages to fetch for a day's session.
CARDS_PER_PAGE = 300
CARDS_FOLDER = "practice/review"


@dataclass(frozen=True)
class _Card:
    """A drill (``script``) or the ``position``-th question of the handbook (``quiz``, ``question``)."""

    script: e.Script | None = None
    quiz: e.Quiz | None = None
    question: e.Question | None = None
    position: int = 0

    @property
    def key(self) -> str:
        """``drill:<id>`` or ``question:<id>``: the id the schedule keeps the card under."""
        if self.script is not None:
            return f"drill:{self.script.id}"
        assert self.question is not None
        return f"question:{self.question.id}"

    @property
    def fingerprint(self) -> str:
        if self.script is not None:
            return drill_fingerprint(self.script)
        assert self.question is not None
        return question_fingerprint(self.question)


def _all_cards(site: Site) -> list[_Card]:
    drills = [_Card(script=s) for stage in site.handbook.ordered_stages() for s in drills_of(site, stage)]
    questions = [
        _Card(quiz=quiz, question=q, position=n) for n, (quiz, q) in enumerate(site.handbook.questions, 1)
    ]
    return drills + questions


def _chunks(site: Site) -> list[list[_Card]]:
    """The cards of each card page; none when the session page holds them all."""
    cards = _all_cards(site)
    if len(cards) <= CARDS_PER_PAGE:
        return []
    return [cards[start : start + CARDS_PER_PAGE] for start in range(0, len(cards), CARDS_PER_PAGE)]


def card_page(number: int) -> str:
    return f"{CARDS_FOLDER}/cards-{number}.md"


def card_pages(site: Site) -> list[tuple[int, list[_Card]]]:
    """The card pages ``site`` has: each one's number (from 1) and cards, in order."""
    return list(enumerate(_chunks(site), 1))


def _views(site: Site, source: str, cards: list[_Card]) -> tuple[tuple[Drill, ...], tuple[QuestionView, ...]]:
    """The drills and the questions among ``cards``, as the templates show them from ``source``."""
    drills = tuple(_drill(site, source, card.script) for card in cards if card.script is not None)
    questions = tuple(
        replace(
            question_view(site, source, card.quiz, card.position, card.question),
            quiz=site.link(source, "quiz", card.quiz.id),
        )
        for card in cards
        if card.quiz is not None and card.question is not None
    )
    return drills, questions


def review_page(site: Site, source: str) -> ReviewPage:
    chunks = _chunks(site)
    drills, questions = ((), ()) if chunks else _views(site, source, _all_cards(site))
    elsewhere = tuple(
        CardPage(
            served_relative(source, card_page(number)),
            " ".join(f"{card.key}={card.fingerprint}" for card in chunk),
        )
        for number, chunk in enumerate(chunks, 1)
    )
    return ReviewPage(site.label("practice.review_title"), drills, questions, elsewhere)


def cards_page(site: Site, source: str, number: int, cards: list[_Card]) -> CardsPage:
    drills, questions = _views(site, source, cards)
    title = site.label("practice.cards_title").replace("{n}", str(number))
    return CardsPage(title, relative(source, REVIEW), drills, questions)
