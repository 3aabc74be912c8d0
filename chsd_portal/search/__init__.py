"""Search across the whole portal (ค้นหา), in Thai. Knows no app: each app registers what it has
to find (registry.py says exactly how), and the index follows every save and delete.

apps.py                  the app (label "search"); its demo loader rebuilds the index last
registry.py              Source and Document, register(), the signals that keep the index current,
                         changed() for writes that skip signals; HOW TO REGISTER A SOURCE
text.py                  normalising (digits, tone marks, hyphens), Thai words (nlpo3 over
                         PyThaiNLP's dictionary), the character trigrams and the tsquery literals
highlight.py             <mark> around matches in titles and snippets, everything else escaped
models/document.py       SearchDocument: one row per searchable object, its vectors, who may find it
services/index.py        index one object, remove, rebuild (bulk); the only writer of the index
selectors/search.py      the results page's reads: counts per kind, ranked page, "did you mean"
forms/search.py          the query and kind filter
views/search.py          the results page /search/
urls.py                  app_name "search"
management/commands/rebuild_search_index.py   `manage.py rebuild_search_index [kind …]`
templates/search/, templates/includes/search_box.html (the header's box); tests/search/
"""
