"""Meetings (การประชุม): workshops with the sites (ประชุมกับพื้นที่ — ปฏิบัติการที่ N) with their
attendance register and participants, and news and meeting articles (ข่าว/ประชุม, seed 002).
The shape of programmes/ (see programmes/__init__.py).

apps.py                  registers registrations.py from ready()
registrations.py         the site page's workshops and articles sections and menu link, the
                         project page's articles section, the home page's latest workshops and
                         articles, the ข่าว/ประชุม menu entry, role permissions, demo data
models/workshop.py       workshop, attendance (a count per organisation type), participant
models/attachment.py     a workshop's PDF/DOCX/XLSX file, stored under a random name
models/article.py        article category, article (Markdown body and its sanitised HTML; optional
                         site, workshop, project), its pictures, its read count and readers
text/markdown.py         an article's Markdown as HTML (markdown-it-py), sanitised by nh3
images.py                an uploaded picture checked from its bytes (Pillow), its resized copies
files.py                 a file's real type from its bytes (PDF signature, Office ZIP parts)
forms/workshops.py       the workshop editor, the attendance register, participant rows (capped)
forms/articles.py        the article editor, the editor's picture upload, the live preview's body
forms/categories.py      the category editor
selectors/workshops.py   a site's workshops with totals, one workshop, the site section, latest
services/workshops.py    workshop save (numbered per site, with its register), delete
services/articles.py     article save (rendered, sanitised, pictures placed), delete; picture
                         upload; a read counted once per browser a day (one statement); categories
selectors/articles.py    the list by category and page, an article with related items and its
                         neighbours, latest (home, feeds), the articles linked to a site/workshop/project
views/workshops.py       list, page, editor, delete (participants' names: staff and site mentors)
selectors/coverage.py    each site's last visit, latest round, overdue flags; mentors' workload
views/coverage.py        a mentor's "งานของฉัน", the staff's coverage page and its CSV
views/articles.py        ข่าว/ประชุม: list, article page (read count, print, share, Open Graph),
                         editor, delete, live preview, picture upload, pictures' resized copies
views/categories.py      staff's category list, editor, delete
views/feeds.py           RSS and Atom feeds, all articles or one category's (django.contrib.syndication)
urls/__init__.py         app_name "meetings": /sites/<code>/workshops/…; urls/articles.py: /news/…
demo/workshops.py        ปฏิบัติการที่ 1–3 of each demo site (demo/workshops.json)
demo/articles.py         seed 002's article in full and its related items (demo/articles.json)
migrations/0004_…        the triggers that bump the "meetings_articles" data version (not on a read)
templates/meetings/      the pages; static/css/articles.css (with the print stylesheet),
                         static/js/article.js, static/js/article-editor.js; tests/meetings/
"""
