"""Near-duplicate articles: wire copies and republished stories, found with MinHash LSH.

Part of stage 8 (link, see ``link.py``). Each article's text is cut into word
shingles and summarised by a MinHash signature (datasketch); an LSH index finds
the pairs whose estimated Jaccard similarity is at least ``NEAR_DUP_THRESHOLD``.
Such pairs are *near-duplicates*; their connected components are *stories*, one
story with several outlets, named by the smallest article id in it.

Everything here is pairwise or a connected component over pairs, so the stories
do not depend on the order in which articles arrive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = [
    "NEAR_DUP_THRESHOLD",
    "NUM_PERM",
    "NearDuplicate",
    "find_near_duplicates",
    "from_bytes",
    "signature",
    "stories",
    "to_bytes",
]

NUM_PERM = 128  # permutations: Jaccard estimates within about +-0.09 (1/sqrt(128))
SEED = 1  # fixed: signatures stored in the database must stay comparable
SCHEME = "affine32"  # datasketch 2.0's default hash family, named so stored values stay readable
SHINGLE = 5  # words per shingle; 3 made unrelated reports with stock phrases
# ("were killed and", "police said the") look alike
NEAR_DUP_THRESHOLD = 0.7  # wire copies with a new headline, byline and a trimmed
# last paragraph measure 0.75-0.95; different reports of one event stay below 0.3
LSH_THRESHOLD = 0.5  # the index is asked for more than is kept, then each pair's own
# estimate decides: at 0.7 the banding (b=14, r=9) missed 1 pair in 6 at Jaccard 0.79
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two articles that are copies of one text (``a < b``)."""

    a: str
    b: str
    similarity: float  # estimated Jaccard similarity of their shingles


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Lower-cased word ``k``-shingles of ``text`` (a short text is one shingle)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> MinHash:
    """The MinHash signature of ``text`` (``NUM_PERM`` permutations, seed ``SEED``)."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    sh = shingles(text)
    if sh:
        mh.update_batch(list(sh))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    """A signature as bytes for the database (little-endian uint32, 4 x ``NUM_PERM``)."""
    return np.asarray(mh.hashvalues, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME)


def find_near_duplicates(
    new: Mapping[str, MinHash], old: Mapping[str, MinHash] | None = None
) -> list[NearDuplicate]:
    """Near-duplicate pairs among ``new`` and between ``new`` and ``old``.

    Pairs inside ``old`` are not looked for (they were found when those articles
    were new). An empty text's signature matches nothing."""
    old = old or {}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    empty = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    sigs: dict[str, MinHash] = {}
    for aid, mh in [*old.items(), *new.items()]:
        if aid in sigs or mh.is_empty() or mh == empty:
            continue
        sigs[aid] = mh
        lsh.insert(aid, mh)
    found: dict[tuple[str, str], float] = {}
    for aid in sorted(new):
        mh = sigs.get(aid)
        if mh is None:
            continue
        for other in lsh.query(mh):
            if other == aid:
                continue
            a, b = sorted((aid, other))
            if (a, b) in found:
                continue
            sim = float(sigs[a].jaccard(sigs[b]))
            if sim >= NEAR_DUP_THRESHOLD:
                found[(a, b)] = sim
    return [NearDuplicate(a, b, round(s, 4)) for (a, b), s in sorted(found.items())]


def components(ids: Iterable[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Id -> the smallest id of its connected component under ``pairs`` (union-find;
    an id in no pair is its own component). The result does not depend on order."""
    parent: dict[str, str] = {i: i for i in ids}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            parent[hi] = lo  # the smaller root always wins
    return {i: find(i) for i in list(parent)}


def stories(article_ids: Iterable[str], pairs: Iterable[NearDuplicate]) -> dict[str, str]:
    """Article id -> story id: connected components of the near-duplicate pairs,
    each named by its smallest article id (an article without copies is its own story)."""
    return components(article_ids, ((p.a, p.b) for p in pairs))
