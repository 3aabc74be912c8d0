"""Search text: normalising, Thai word segmentation and the character trigrams.

Thai is written without spaces, so words come from a dictionary tokenizer: nlpo3 (newmm in
Rust, about a million characters a second) over PyThaiNLP's word list, both pinned in
requirements.txt. Every form of the text the index stores and every query go through
`normalise`, so one spelling finds the other:

- Thai digits are Arabic digits (๒๕๖๔ = 2564), letters are lower case, dashes are one "-";
- the spacing around a hyphen does not count (กระดานถาม - ตอบ = กระดานถาม-ตอบ);
- tone marks do not count (พี่เลียง finds พี่เลี้ยง, the seeds' own misspelling).

`compact` then keeps letters and digits only: a query matches wherever its compact form stands
inside the compact text (a word inside a sentence, part of a name, a code like 60-ข-087),
through trigrams of characters the index keeps with their positions (see `gram_vector`).
PostgreSQL's own pg_trgm cannot do this here: under the C locale of the portal's database it
takes no Thai letter for a letter (`show_trgm('พี่เลี้ยง')` is empty).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# ่ ้ ๊ ๋ : tone marks, dropped so a missing or wrong one still matches.
TONE_MARKS = dict.fromkeys(range(0x0E48, 0x0E4C))
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_SPACES = re.compile(r"\s+")
# What a compact form keeps: letters (Thai included, with their vowel signs) and digits.
_NOT_WORD = re.compile(r"[^0-9a-z\u0e01-\u0e3a\u0e40-\u0e4e]+")
# Thai signs written above or below a consonant: a highlight that ends on the consonant takes them.
COMBINING = {chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))}

# tsvector positions run from 1 to 16383; each lexeme keeps at most 256 of them.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 255
GRAM = 3


def normalise(text: str) -> str:
    """Thai and Arabic digits alike, lower case, one spelling of hyphens, no tone marks."""
    text = unicodedata.normalize("NFC", text or "").translate(THAI_DIGITS).lower()
    text = _DASHES.sub("-", text).translate(TONE_MARKS)
    return _SPACES.sub(" ", text).strip()


def compact(text: str) -> str:
    """The normalised text with letters and digits only: what substring matching compares."""
    return _NOT_WORD.sub("", normalise(text))


@functools.cache
def _dictionary() -> str:
    import nlpo3
    import pythainlp.corpus

    path = Path(pythainlp.corpus.__file__).with_name("words_th.txt")
    nlpo3.load_dict(str(path), "search-th")
    return "search-th"


def words(text: str) -> list[str]:
    """The words of `text`, segmented (Thai by dictionary, others at spaces), normalised, compact."""
    import nlpo3

    if not text:
        return []
    prepared = unicodedata.normalize("NFC", text).translate(THAI_DIGITS).lower()
    tokens = nlpo3.segment(prepared, _dictionary())
    found = []
    for token in tokens:
        word = _NOT_WORD.sub("", token.translate(TONE_MARKS))
        if word:
            found.append(word)
    return found


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _vector_literal(positions: dict[str, list[str]]) -> str:
    return " ".join(f"{_quote(lexeme)}:{','.join(places)}" for lexeme, places in positions.items())


def word_vector(title: str, body: str) -> str:
    """A tsvector literal of the words: the title's weighted A, the body's B."""
    positions: dict[str, list[str]] = {}
    position = 0
    for weight, text in (("A", title), ("B", body)):
        for word in words(text):
            position = min(position + 1, MAX_POSITION)
            places = positions.setdefault(word, [])
            if len(places) < MAX_POSITIONS_PER_LEXEME:
                places.append(f"{position}{weight}")
    return _vector_literal(positions)


def grams(text: str) -> list[str]:
    """The overlapping character trigrams of `text`'s compact form (the form itself if shorter)."""
    packed = compact(text)
    if len(packed) <= GRAM:
        return [packed] if packed else []
    return [packed[i : i + GRAM] for i in range(len(packed) - GRAM + 1)]


def gram_vector(parts: Iterable[tuple[str, str]]) -> str:
    """A tsvector literal of trigrams with positions, so a phrase query (`'abc' <-> 'bcd'`)
    finds exactly the documents whose compact text contains the query's. `parts` are
    (weight, text); a gap of positions between parts keeps a match from spanning two."""
    positions: dict[str, list[str]] = {}
    position = 0
    for weight, text in parts:
        for gram in grams(text):
            position += 1
            if position > MAX_POSITION:
                break
            places = positions.setdefault(gram, [])
            if len(places) < MAX_POSITIONS_PER_LEXEME:
                places.append(f"{position}{weight}")
        position += GRAM + 1
    return _vector_literal(positions)


def query_parts(query: str) -> list[str]:
    """The compact forms of the query's space-separated parts (each must appear)."""
    parts = []
    for part in normalise(query).split(" "):
        packed = compact(part)
        if packed and packed not in parts:
            parts.append(packed)
    return parts


def phrase_query(packed: str, weight: str = "") -> str:
    """A tsquery literal that matches a compact text containing `packed` (as `gram_vector`
    stores it): trigrams every three characters, the distance between them exact, the last one
    overlapping to cover the end; one or two characters match as a prefix of a trigram."""
    suffix = f":{weight}" if weight else ""
    if len(packed) < GRAM:
        return f"{_quote(packed)}:*{weight}"
    starts = list(range(0, len(packed) - GRAM + 1, GRAM))
    if starts[-1] != len(packed) - GRAM:
        starts.append(len(packed) - GRAM)
    terms = [_quote(packed[starts[0] : starts[0] + GRAM]) + suffix]
    for before, start in zip(starts, starts[1:], strict=False):
        terms.append(f"<{start - before}> " + _quote(packed[start : start + GRAM]) + suffix)
    return " ".join(terms)


def all_parts_query(parts: list[str], weight: str = "") -> str:
    return " & ".join(f"({phrase_query(part, weight)})" for part in parts)


def words_query(query: str) -> str:
    """A tsquery literal of any of the query's words (and of its parts whole, in case the text
    was segmented otherwise), for ranking by the words vector."""
    found = list(dict.fromkeys([*words(query), *query_parts(query)]))
    return " | ".join(_quote(word) for word in found)


def any_gram_query(packed: str) -> str:
    """Any of the trigrams of `packed`: what "did you mean" ranks titles by."""
    found = list(dict.fromkeys(grams(packed)))
    return " | ".join(_quote(gram) for gram in found)
