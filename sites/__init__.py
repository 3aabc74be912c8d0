"""Sites (พื้นที่ดำเนินการ): Thailand's provinces, districts and sub-districts (GeoThai, CC BY 4.0)
with the chained selects every app's forms use, the programme's target tambons with their
mentors, and their capacity reports (รายงานศักยภาพตำบล ครั้งที่ N). The shape of programmes/.

apps.py                  registers registrations.py from ready()
admin.py                 admins manage the capacity components and their rubric
registrations.py         menu entry (sites ▸ their pages), home block, role permissions, demo
sections.py              what higher apps add to a site: page sections and menu links
permissions.py           who may change a site and what belongs to it (staff; its own mentors)
maps.py                  the maps' points and tile setting; `site_url` (one reverse for many)
charts.py                a component's score per round (SVG)
collation.py             Thai dictionary order for names (`thai_sort_key`)
models/geography.py      province, district, sub-district, with their Thai sort key
models/site.py           site: its tambon, story, point, status, mentors
models/capacity.py       capacity components (rubric), reports, component scores, key organisations
forms/geography.py       `GeoChoiceMixin`: province → district → sub-district fields
forms/sites.py           the staff's site editor, the overview's filters
forms/capacity.py        the report editor, its key organisations (rows, capped), a score form per component
selectors/geography.py   reads of the reference data, in Thai order
selectors/sites.py       overview, one site, its reports, the menu's tree (at most 12 sites)
selectors/capacity.py    one report, the form's components, rounds side by side
selectors/home.py        the home page's sites block
selectors/search.py      what search indexes: sites, capacity reports (drafts: staff and mentors)
services/geography.py    `geography_load`: GeoThai and the sub-district centroids
services/numbering.py    the next number of a per-site series, safe under concurrency
services/sites.py        site save (with mentors, the centroid as default point)
services/capacity.py     report save (with its scores and key organisations, submit), delete
views/mixins.py          the site from the URL; who may work on it
views/geography.py       JSON lists for the chained selects
views/sites.py           overview, site page, site create/edit
views/capacity.py        report comparison, report page, editor, delete
urls/__init__.py         app_name "sites"; joins urls/geography.py, urls/sites.py
demo/geography.py        the reference data, loaded first
demo/sites.py            the three tambons of seed 000 with report ครั้งที่ 1 (demo/sites.json)
data/                    the centroids' CSV and its source (README.md)
management/commands/load_geography.py  `manage.py load_geography`
templates/sites/         the pages; tests/sites/ (factories.py, test_*.py)
"""
