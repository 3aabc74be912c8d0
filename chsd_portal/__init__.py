"""The project: settings, root URLs and what every app shares. It imports no app; apps offer
it menu entries, role permissions and demo loaders from their `ready()`.

settings/                base, dev (`make run`), test (pytest), prod (`make serve`)
urls.py, wsgi.py         root URLs (apps included by dotted path), gunicorn's entry point
apps.py                  registers the demo accounts; syncs role permissions after migrate
thai.py                  Buddhist-Era dates, baht, Thai digits, fiscal years
templatetags/thai.py     the same as template filters ({% load thai %})
forms.py                 `ThaiDateField` (6/2/2561)
formsets.py              one page editing an object and its lists, saved together
pagination.py            page links shared by every paged page
menu.py, context_processors.py  the site menu, filled by the apps
home_blocks.py           blocks of the home page, registered by the apps
roles.py, mixins.py      roles as groups, and the views' role checks
backends.py              the user with their roles in one query (sessions: Django's cached_db,
                         see settings/base.py)
cache.py, datasql.py     whole-page cache under database-maintained data versions
middleware.py            Thai first, English only when chosen
demo.py                  the demo-loader registry (`manage.py load_demo`)
localdb.py               the portal's own PostgreSQL when DATABASE_URL is unset
views.py                 health check and error pages
accounts/                sign in, sign up, passwords (forms, services, views, urls, demo)
management/commands/     load_demo, makemessages (without fuzzy guesses)
"""
