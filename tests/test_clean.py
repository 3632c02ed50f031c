"""Clean: boilerplate out, every body paragraph kept, --no-clean keeps the text as is."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import strife.clean as clean_module
from strife.clean import clean, filter_lines, is_author_bio, is_furniture
from strife.ingest import read_paths
from strife.records import Article

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "helicopter-idlib.txt"


def text_article(raw: str) -> Article:
    return Article(raw=raw, origin="test.txt")


def cleaned(raw: str) -> str:
    return clean(text_article(raw)).text


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --------------------------------------------------------------------------- the seed


def _seed_boilerplate(line: str, is_last: bool) -> bool:
    """The boilerplate lines listed in ../shared/seed/README.md, picked out by their
    generic start (the article itself is not copied here)."""
    return (
        line.startswith("Photo Credit")
        or line == "Advertisement"
        or line == "SHARE"
        or line.startswith("Previous article")
        or line.startswith("Next article")
        or is_last  # the author bio closes the page
    )


def test_seed_article_loses_its_boilerplate_and_keeps_every_body_line() -> None:
    if not SEED.exists():
        pytest.skip("reference article not available: ../shared/seed is absent")
    [article] = read_paths([str(SEED)], published="2016-08-02")
    assert isinstance(article, Article)
    clean(article)
    raw_lines = lines_of(article.raw)
    boiler = [
        line for i, line in enumerate(raw_lines) if _seed_boilerplate(line, i == len(raw_lines) - 1)
    ]
    body = [line for line in raw_lines if line not in boiler]
    # the README lists: photo credit, 2 x Advertisement, SHARE, previous, next, bio
    assert len(boiler) == 7
    assert " is a " in boiler[-1] and "has written for" in boiler[-1]  # it is the bio
    kept = lines_of(article.text)
    assert kept == body  # every body line, in order, and nothing else
    for line in boiler:
        assert line not in kept
    assert article.errors == []


def test_seed_article_is_untouched_with_no_clean() -> None:
    if not SEED.exists():
        pytest.skip("reference article not available: ../shared/seed is absent")
    [article] = read_paths([str(SEED)])
    assert clean(article, enabled=False).text == SEED.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- line rules

FURNITURE = [
    "Photo Credit: screenshot",
    "Photo: Reuters",
    "(Photo: AFP)",
    "Photo by Jane Doe/Reuters",
    "File photo: a checkpoint outside Mosul",
    "Image copyright Getty Images",
    "Getty Images",
    "(AFP Photo)",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "SHARE",
    "Share this",
    "Share this article",
    "Tweet",
    "Email",
    "Facebook | Twitter | Email",
    "Share on Facebook  Share on Twitter",
    "Previous articleTemple crowdfunding drive",
    "Previous article: Army retakes hill",
    "Next article Floods in Beledweyne",
    "Read more",
    "READ MORE: Army retakes town",
    "See also: Timeline of the war",
    "Related:",
    "Related: Mali junta extends transition",
    "Related stories",
    "Sign up for our newsletter",
    "Sign up for our free daily newsletter to get the news in your inbox",
    "Subscribe",
    "Subscribe to our channel for more videos",
    "We use cookies to improve your experience on our site.",
    "This website uses cookies. By continuing you accept our cookie policy.",
    "Accept all cookies",
    "© 2024 Reuters",
    "©2016 Example Media Group",
    "Copyright 2016 The Daily Example. All rights reserved.",
    "All rights reserved.",
    "(Reporting by Ali Ahmed in Kabul; Editing by Jane Doe)",
    "Reporting by A. Writer; editing by B. Editor",
    "Follow us on Twitter",
    "4 min read",
]

BODY_LINES = [
    "Related to the attack, police arrested two men in Kano.",
    "Photographs shared online showed burned-out cars in the square.",
    "The photo showed at least four bodies near the checkpoint.",
    "Reporting by local media suggested ten people had died.",
    "Next articles of the agreement will be signed in Doha, the mediators said.",
    "(c) the attackers fled towards the border, the report said.",
    "Subscribers to the group's Telegram channel were told to stay away.",
    "Share prices in Lagos fell after the attack on the pipeline.",
    "Email messages seen by the newspaper showed the order came from Kinshasa.",
    "Advertisements for the rally were torn down overnight, residents said.",
    "Read the full statement on the ministry's website, the spokesman told reporters.",
    "Two soldiers and three civilians were killed, the army said.",
    "Copyright disputes are not the issue, the minister said on Monday.",
    "The cookies distributed at the aid point ran out by noon.",
    "SHARE prices? No, the fighters wanted fuel, a trader in Gao said.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert is_furniture(line)
    assert is_furniture(f"  {line}  \n")


@pytest.mark.parametrize("line", BODY_LINES)
def test_body_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_long_line_is_never_furniture() -> None:
    line = "Read more " + "about the attack in Mopti, which killed at least nine people. " * 6
    assert not is_furniture(line)


BIO = (
    "Jane Roe is a West Africa correspondent with a degree in history from the "
    "University of Example. She has written for several regional newspapers."
)


def test_author_bio_at_the_end_is_removed() -> None:
    raw = f"Troops clashed with rebels near Beni.\n\nFive people died.\n\n{BIO}\n"
    assert cleaned(raw) == "Troops clashed with rebels near Beni.\n\nFive people died.\n"


def test_author_bio_before_trailing_furniture_is_removed() -> None:
    raw = f"Troops clashed with rebels near Beni.\n{BIO}\nFollow Jane on Twitter\nSHARE\n"
    assert cleaned(raw) == "Troops clashed with rebels near Beni.\n"


def test_bio_like_paragraph_in_the_middle_is_kept() -> None:
    raw = f"Troops clashed with rebels near Beni.\n\n{BIO}\n\nFive people died.\n"
    assert cleaned(raw) == raw


@pytest.mark.parametrize(
    "last",
    [
        # about a journalist, but no bio marker: article text
        "Omar Diallo is a journalist who was abducted near Mopti in 2023.",
        "The victim is a former correspondent for a local radio station.",
        # a bio marker, but not "NAME is a ..." at the start
        "Police said the suspect has written for extremist websites.",
    ],
)
def test_last_paragraph_that_is_not_a_bio_is_kept(last: str) -> None:
    raw = f"Gunmen attacked a bus near Mopti.\n\n{last}"
    assert cleaned(raw) == raw
    assert not is_author_bio(last)


def test_removed_lines_take_their_blank_lines_with_them() -> None:
    raw = "Photo: AFP\n\nTitle line\n\nFirst.\n\nAdvertisement\n\n\n\nSecond.\nSHARE\n\n"
    assert cleaned(raw) == "Title line\n\nFirst.\n\nSecond.\n"


def test_text_without_boilerplate_is_returned_unchanged() -> None:
    raw = "  Indented first line.\r\n\r\n\r\nSecond paragraph, odd spacing   \n\n"
    assert cleaned(raw) == raw


def test_text_of_nothing_but_boilerplate_is_emptied_with_a_note() -> None:
    article = clean(text_article("Advertisement\nSHARE\n"))
    assert article.text == ""
    assert len(article.errors) == 1 and "test.txt" in article.errors[0]


def test_no_clean_keeps_text_exactly() -> None:
    raw = "Photo: AFP\nAdvertisement\nBody.\n"
    assert clean(text_article(raw), enabled=False).text == raw


# --------------------------------------------------------------------------- HTML


def _page() -> Article:
    [article] = read_paths([str(DATA / "news-page.html")])
    assert isinstance(article, Article)
    return article


PAGE_PARAGRAPHS = [
    "Malian soldiers killed five militants who ambushed a patrol on the road north of Gao",
    "gunmen on motorcycles opened fire with AK-47 rifles and rocket-propelled grenades",
    "Residents of Tacharane reached by telephone said the shooting lasted about an hour",
    "Local officials said the road to Bourem remained closed to civilian traffic",
]
PAGE_FURNITURE = [
    "World News Section",
    "Weather Forecast Section",
    "Buy cheap flights",
    "Advertisement",
    "Flood warnings issued",
    "Cotton prices",
    "Subscribe",
    "All rights reserved",
    "Privacy policy",
    "<p>",
]


def test_html_page_keeps_the_article_and_drops_menus_ads_and_footer() -> None:
    article = clean(_page())
    for paragraph in PAGE_PARAGRAPHS:
        assert paragraph in article.text
    for junk in PAGE_FURNITURE:
        assert junk not in article.text
    # paragraphs stay apart, one blank line between them
    blocks = article.text.split("\n\n")
    assert len(blocks) >= 4
    assert all(b.strip() == b and "\n" not in b for b in blocks)
    assert article.errors == []


def test_html_with_no_clean_is_still_reduced_to_its_text() -> None:
    article = clean(_page(), enabled=False)
    assert "<" not in article.text
    for paragraph in PAGE_PARAGRAPHS:
        assert paragraph in article.text
    assert "World News Section" not in article.text


def test_html_falls_back_to_all_page_text_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clean_module, "_trafilatura_text", lambda html: "")
    article = clean(_page())
    for paragraph in PAGE_PARAGRAPHS:
        assert paragraph in article.text
    assert "<p>" not in article.text and "og:title" not in article.text
    assert len(article.errors) == 1 and "no main text" in article.errors[0]


def test_html_failure_in_trafilatura_is_noted_not_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(html: str) -> str:
        raise RuntimeError("broken tree")

    monkeypatch.setattr(clean_module, "_trafilatura_text", boom)
    article = clean(_page())
    assert PAGE_PARAGRAPHS[0] in article.text
    assert any("trafilatura failed" in e for e in article.errors)


@pytest.mark.parametrize(
    "html", ["<html></html>", "<html><body><script>var x = 1;</script></body></html>", "<p> </p>"]
)
def test_html_without_text_gives_empty_text_and_a_note(html: str) -> None:
    article = clean(Article(raw=html, content_type="html", origin="p.html"))
    assert article.text == ""
    assert article.errors and "p.html" in article.errors[-1]


# --------------------------------------------------------------------------- properties


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


@settings(max_examples=300)
@given(st.text())
def test_clean_never_crashes_and_only_removes_whole_lines(raw: str) -> None:
    article = clean(text_article(raw))
    assert isinstance(article.text, str)
    assert _is_subsequence(article.text.splitlines(keepends=True), raw.splitlines(keepends=True))


@settings(max_examples=300)
@given(st.text())
def test_no_clean_is_the_identity(raw: str) -> None:
    assert clean(text_article(raw), enabled=False).text == raw


@settings(max_examples=200)
@given(st.text())
def test_clean_is_idempotent(raw: str) -> None:
    once = filter_lines(raw)
    assert filter_lines(once) == once


@settings(max_examples=200)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(BODY_LINES).map(lambda s: ("body", s)),
            st.sampled_from(FURNITURE).map(lambda s: ("junk", s)),
        ),
        min_size=1,
        max_size=25,
    ),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
)
def test_mixed_page_keeps_every_body_line_and_drops_every_furniture_line(
    parts: list[tuple[str, str]], sep: str
) -> None:
    raw = sep.join(line for _, line in parts)
    kept = lines_of(cleaned(raw))
    assert kept == [line for kind, line in parts if kind == "body"]
