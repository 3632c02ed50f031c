"""Stage 2, clean: set ``article.text``, the string every later offset points into.

* HTML: trafilatura's main text (comments left out), one paragraph per block,
  blocks separated by a blank line; then the plain-text line filter below. Where
  trafilatura finds no main text, all the page's visible text is used instead and
  a note goes to ``article.errors``.
* Plain text: a conservative line filter. Whole lines that are page furniture go
  (photo credits, "Advertisement", share buttons, "Previous article ...", "Read
  more", "Related:", newsletter and cookie notices, copyright lines, "Reporting
  by ..." credits), and so does an author bio at the very end. Nothing else is
  changed: kept lines are kept byte for byte, only blank lines left over around a
  removed line are dropped. A line is removed only when it is furniture as a
  whole, so a body paragraph is never lost.

``clean(article, enabled=False)`` (the CLI's ``--no-clean``) keeps ``article.text``
exactly equal to the input text. HTML is not text, so HTML input still goes
through trafilatura with ``enabled=False``; only the line filter is skipped.
"""

from __future__ import annotations

import re

from strife.records import Article

# --------------------------------------------------------------------------- line filter

# Furniture lines are short; a body paragraph that happens to start like one
# ("Related to the attack, ...") is long or lacks the colon these patterns require.
MAX_FURNITURE_CHARS = (
    250  # room for "Previous article <a long headline>"; most body paragraphs are longer
)

_EXACT = frozenset(
    s.casefold()
    for s in (
        "Advertisement",
        "Advertisements",
        "Advertising",
        "Sponsored",
        "Sponsored content",
        "Story continues below advertisement",
        "Article continues below advertisement",
        "Continue reading below",
        "Skip to content",
        "Skip to main content",
        "Listen to this article",
        "About the author",
        "Comments",
        "Leave a comment",
        "Leave a reply",
        "Show comments",
        "Load comments",
        "Subscribe",
        "Subscribe now",
        "Newsletter",
        "Print",
        "Copy link",
        "Back to top",
        "Loading...",
    )
)

# A line made only of these words (at least one of them a button name) is a row of
# share buttons: "SHARE", "Tweet", "Facebook | Twitter | Email", "Share this article".
_SHARE_BUTTONS = frozenset(
    "share shares tweet email e-mail print facebook twitter whatsapp telegram linkedin "
    "pinterest reddit messenger".split()
)
_SHARE_FILLERS = frozenset("this article story page post on via by x link copy comments".split())
_TOKEN_SEPARATORS = re.compile(r"[\s|•·/,:]+")
MAX_SHARE_TOKENS = 12

_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # photo credits: "Photo Credit: screenshot", "Photo: Reuters", "(Photo: AFP)",
        # "Photo by J. Doe/AP", "File photo: ...", "Image copyright Getty Images"
        r"[(\[]?\s*(?:file\s+)?(?:photo(?:graph)?|image|picture|pic)s?"
        r"(?:\s+(?:credits?|courtesy|source))?\s*(?::|/|\||–|—|-|\bby\b|\bcourtesy\b).*",
        r"image\s+(?:copyright|credit|source)\b.*",
        r"[(\[]?\s*(?:photo\s+)?(?:credits?|courtesy)\s*:.*",
        r"[(\[]?\s*(?:\w+\s+){0,2}(?:photo|images)\s*[)\]]?",  # "(AFP Photo)", "Getty Images"
        # previous / next article teasers ("Previous articleTemple ..." has no space)
        r"(?:«\s*)?(?:previous|prev|next)\s*(?:article|post|story|page)"
        r"(?:\b|(?-i:(?=[A-Z0-9\"“‘'])))(?!\s+(?:of|in|on|to|under)\b).*",
        # read more / related / see also teasers
        r"(?:read|see)\s+(?:more|also)\b.*",
        r"(?:also|more)\s+read\b.*",
        r"related(?:\s+(?:articles?|stories|story|content|topics|coverage|news|posts?|links|reading))?\s*(?::.*)?",
        r"(?:recommended(?: for you)?|most read|most popular|trending now|you may also like)\s*:?",
        # newsletters and subscriptions
        r"(?:sign\s*up|subscribe|register)\b.*\b(?:newsletter|inbox|updates|alerts|free)\b.*",
        r"(?:get|join)\b.*\bnewsletter\b.*",
        r"subscribe\s+(?:to|for|now|today)\b.*",
        r"click here to subscribe\b.*",
        # cookie notices
        r".*\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b.*",
        r".*\bcookie (?:policy|settings|preferences|notice|consent)\b.*",
        r".*\baccept (?:all )?cookies\b.*",
        # copyright lines ("(c)" only with a year: "(c) the attackers ..." is a list item)
        r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})).*",
        r".*\ball rights reserved\b.*",
        # wire credits: "(Reporting by A in B; Editing by C)"
        r"\(\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\b.*",
        r"(?:additional\s+)?(?:reporting|writing)\s+by\b.*;\s*(?:writing|editing)\s+by\b.*",
        # follow-us lines and reading-time badges
        r"follow\s+(?:us|him|her|them|@\w+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+on\s+"
        r"(?:twitter|x|facebook|instagram|telegram|linkedin|bluesky|threads)\b.*",
        r"\d+\s*(?:min|mins|minute|minutes)\s+read",
    )
]

# An author bio at the end: "NAME is a ... analyst with a degree ... has written for ..."
_BIO_START = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:is|was)\s+(?:an?|the)\b|(?i:the author is\b)",
)
_BIO_ROLE = re.compile(
    r"\b(?:analyst|journalist|correspondent|reporter|editor|writer|columnist|author|"
    r"contributor|photographer|researcher|fellow|commentator|blogger|producer)s?\b",
    re.IGNORECASE,
)
_BIO_MARKER = re.compile(
    r"\bwith an? (?:\w+\s+)?degree\b|\bdegree in\b|\bhas (?:written|reported|worked) for\b"
    r"|\bwrites (?:for|about)\b|\bwork has appeared\b|\bhas contributed to\b"
    r"|\bgraduate of\b|\bgraduated from\b|\bpreviously (?:worked|served|reported)\b"
    r"|\bformerly (?:a|an|the|with|at|of)\b|\bfollow (?:him|her|them)\b|\bon twitter\b"
    r"|\bauthor of\b",
    re.IGNORECASE,
)
# Bios run to a few sentences; a long last paragraph is article text.
MAX_BIO_CHARS = 800


def is_furniture(line: str) -> bool:
    """True when the whole ``line`` is page furniture, not article text."""
    s = line.strip()
    if not s or len(s) > MAX_FURNITURE_CHARS:
        return False
    folded = s.casefold()
    if folded.rstrip(":.!") in _EXACT:
        return True
    tokens = [t for t in _TOKEN_SEPARATORS.split(folded) if t]
    if (
        0 < len(tokens) <= MAX_SHARE_TOKENS
        and any(t in _SHARE_BUTTONS for t in tokens)
        and all(t in _SHARE_BUTTONS or t in _SHARE_FILLERS for t in tokens)
    ):
        return True
    return any(p.fullmatch(s) for p in _PATTERNS)


def is_author_bio(line: str) -> bool:
    """True when ``line`` reads like an author bio ("NAME is a ... journalist ... has
    written for ..."). Only ever applied to the last line of the text."""
    s = line.strip()
    if not s or len(s) > MAX_BIO_CHARS or not _BIO_START.match(s):
        return False
    return bool(_BIO_ROLE.search(s[:200])) and bool(_BIO_MARKER.search(s))


def filter_lines(text: str) -> str:
    """``text`` without its furniture lines and trailing author bio.

    Kept lines come out unchanged and in order; blank lines left doubled (or
    leading/trailing) by a removal are dropped too. With nothing to remove the
    text comes back as it was.
    """
    lines = text.splitlines(keepends=True)
    drop = [is_furniture(line) for line in lines]
    # Author bios (and furniture after them) at the end, possibly several lines.
    i = len(lines) - 1
    while i >= 0:
        if drop[i] or not lines[i].strip():
            i -= 1
            continue
        if is_author_bio(lines[i]):
            drop[i] = True
            i -= 1
            continue
        break
    if not any(drop):
        return text
    out: list[str] = []
    after_removal = False
    for line, dropped in zip(lines, drop, strict=True):
        if dropped:
            after_removal = True
            continue
        if not line.strip():
            if after_removal and (not out or not out[-1].strip()):
                continue
        else:
            after_removal = False
        out.append(line)
    # Blank lines left at the end by a removal go too; the last kept line keeps its
    # own line ending.
    while out and not out[-1].strip() and after_removal:
        out.pop()
    return "".join(out)


# --------------------------------------------------------------------------- HTML


def _trafilatura_text(html: str) -> str:
    import trafilatura

    extracted = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        output_format="txt",
        with_metadata=False,
        deduplicate=False,
    )
    if not extracted:
        return ""
    # trafilatura puts one block a line; a blank line between blocks keeps
    # paragraphs apart for the sentence splitter.
    return "\n\n".join(line.strip() for line in extracted.splitlines() if line.strip())


_SKIP_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe")


def _lxml_text(html: str) -> str:
    """All visible text of the page, one block a paragraph."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in tree.xpath("|".join(f"//{t}" for t in _SKIP_TAGS)):
        bad.drop_tree()
    blocks = []
    for chunk in re.split(r"\n\s*\n", "\n".join(tree.itertext())):
        chunk = " ".join(chunk.split())
        if chunk:
            blocks.append(chunk)
    return "\n\n".join(blocks)


def html_text(article: Article) -> str:
    """The main text of an HTML article (trafilatura, else all visible text)."""
    try:
        text = _trafilatura_text(article.raw)
    except Exception as exc:  # trafilatura on a broken page
        article.errors.append(f"{article.origin}: trafilatura failed ({type(exc).__name__}: {exc})")
        text = ""
    if text:
        return text
    text = _lxml_text(article.raw)
    if text:
        article.errors.append(
            f"{article.origin}: no main text found in the page; used all its visible "
            "text (menus and footers may remain)"
        )
    else:
        article.errors.append(f"{article.origin}: the page holds no text")
    return text


# --------------------------------------------------------------------------- stage


def clean(article: Article, enabled: bool = True) -> Article:
    """Set ``article.text`` from ``article.raw`` and return the article.

    ``enabled=False`` (``--no-clean``): plain text is kept exactly as given; HTML is
    still reduced to its main text by trafilatura, without the line filter.
    """
    if article.content_type == "html":
        text = html_text(article)
        article.text = filter_lines(text) if enabled else text
        return article
    if not enabled:
        article.text = article.raw
        return article
    article.text = filter_lines(article.raw)
    if article.raw.strip() and not article.text.strip():
        article.errors.append(
            f"{article.origin}: every line looked like page furniture (share buttons, "
            "credits, ...); no article text is left"
        )
    return article
