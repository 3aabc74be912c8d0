"""Meetings (การประชุม): workshops with the sites (ประชุมกับพื้นที่ — ปฏิบัติการที่ N) with their
attendance register and participants. The shape of programmes/ (see programmes/__init__.py).

apps.py                  registers registrations.py from ready()
registrations.py         the site page's workshops section and menu link, the home page's latest
                         workshops, role permissions, demo data
models/workshop.py       workshop, attendance (a count per organisation type), participant
models/attachment.py     a workshop's PDF/DOCX/XLSX file, stored under a random name
files.py                 a file's real type from its bytes (PDF signature, Office ZIP parts)
forms/workshops.py       the workshop editor, the attendance register, participant rows (capped)
selectors/workshops.py   a site's workshops with totals, one workshop, the site section, latest
services/workshops.py    workshop save (numbered per site, with its register), delete
views/workshops.py       list, page, editor, delete (participants' names: staff and site mentors)
selectors/coverage.py    each site's last visit, latest round, overdue flags; mentors' workload
selectors/search.py      what search indexes: workshops, never their participants
views/coverage.py        a mentor's "งานของฉัน", the staff's coverage page and its CSV
urls/__init__.py         app_name "meetings": /sites/<code>/workshops/…
demo/workshops.py        ปฏิบัติการที่ 1–3 of each demo site (demo/workshops.json)
templates/meetings/      the pages; tests/meetings/ (factories.py, test_*.py)
"""
