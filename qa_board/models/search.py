"""What the board's search index holds: the text with each Thai character folded onto a Latin
letter, so pg_trgm can make trigrams of it.

Why: pg_trgm builds trigrams only from what the database's LC_CTYPE calls letters, and the
portal's databases are created with the C locale, where no Thai character is one
(`show_trgm('กองทุน')` is empty): a trigram index on the plain text would hold nothing for Thai and
every Thai search would read the whole index. Folded (lower-cased, then ก→a, ข→b, … and ๐-๙→0-9,
several Thai characters sharing a letter), the text gives trigrams in any locale. The fold is
only a coarse first filter: the exact, case-insensitive match on the real columns decides
(selectors/question_list.py), so a shared letter can never make a wrong question match.

Changing THAI or LATIN changes the indexed expression: it needs a migration that rebuilds the
index (qa_board/migrations/0004_question_search_trgm.py built them)."""

from django.db.models import Func, TextField
from django.db.models.functions import Lower

# Every character of the Thai block (U+0E01–U+0E5B).
THAI = "".join(chr(code) for code in range(0x0E01, 0x0E5C))
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Thai digits keep their value; the others take the 26 letters in turn.
LATIN = "".join(
    str(code - 0x0E50) if 0x0E50 <= code <= 0x0E59 else _LETTERS[(code - 0x0E01) % 26]
    for code in range(0x0E01, 0x0E5C)
)


class ThaiFold(Func):
    """TRANSLATE(LOWER(expression), THAI, LATIN): immutable, so an index can hold it."""

    function = "TRANSLATE"
    output_field = TextField()

    def __init__(self, expression, **extra):
        from django.db.models import Value

        super().__init__(Lower(expression), Value(THAI), Value(LATIN), **extra)
