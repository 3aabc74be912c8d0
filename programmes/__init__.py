"""Programmes (แผนงาน) and their projects (โครงการ): the home page, the guide, activity plans,
indicators, projects with their budget periods, and the budget warnings admins review.

One folder per layer, one module per feature; a new app copies this shape.

apps.py                  registers registrations.py from ready()
registrations.py         menu entries, role permissions and demo loaders offered to chsd_portal
cache.py                 the "programmes" data-version area and the page-cache decorators
project_sections.py      what higher apps add to a project's page (meetings: its articles)
charts.py                the indicators' progress charts (SVG)
models/programme.py      programme, its indicators/approaches/outcomes, frameworks, activities,
                         indicator measurements
models/project.py        project, its periods, locations, objectives, problems, target groups,
                         warning reviews
forms/programme.py       the programme editor (text and its three lists)
forms/guide.py           guide texts, frameworks, activity plans, indicator targets, measurements
forms/projects.py        the one-page project editor and its inline formsets
forms/project_list.py    the project list's filters
forms/warnings.py        the budget review's filters and review note
selectors/programme.py   the one read of the home programme
selectors/guide.py       guide, plan and indicator pages; the menu's framework numbers
selectors/projects.py    the project page: the project with its lists, locator, history
selectors/project_list.py  the project list: filters' choices, filter, sort, rows, export data
selectors/warnings.py    the warning rules in SQL: per-project annotations and set-based query
selectors/warning_review.py  the admins' review list: rows, counts, pages
selectors/site_projects.py  a site page's projects (registered with sites.sections)
selectors/history.py     the staff page of recent deletions: one query per kind of content
services/guide.py        framework create, measurement save
services/projects.py     project save (with its lists), fiscal-quarter periods
services/warnings.py     mark a warning reviewed
services/history.py      restore a deletion from its history (with its parents, its children)
text/warnings.py         the wording of each warning
exports/writers.py       CSV and XLSX writing, formats, file names (both exports)
exports/projects.py      the project list as XLSX/CSV
exports/warning_review.py  the budget review as XLSX/CSV
views/programme.py       home page, programme editor
views/guide.py           guide, plans, indicators and their editors
views/projects.py        project page, project create and edit
views/project_list.py    project list and its export
views/warnings.py        budget review, its export, mark reviewed
views/history.py         ประวัติการแก้ไข / รายการที่ถูกลบ and its restore buttons
urls/__init__.py         app_name "programmes"; joins urls/guide.py, urls/projects.py,
                         urls/warnings.py, urls/history.py
demo/programme.py        demo programme, read from demo/programme.json
demo/guide.py            demo guide texts, frameworks, plans, indicator measurements
demo/projects.py         demo projects (seed 001's 60-ข-087 and a few more)
templates/programmes/    the pages; tests/programmes/ (factories.py, test_*.py)
"""
