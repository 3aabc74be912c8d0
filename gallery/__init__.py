"""Gallery (รูปกิจกรรม): albums of field activities and their photos, as seeds 003 and 004 show
them (every photo with its pixel size and bytes, a description, related albums), fast on rural
networks. The shape of programmes/ (see programmes/__init__.py).

apps.py                  registers registrations.py from ready()
registrations.py         the menu's รูปกิจกรรม, the home page's latest albums, the albums of a site's
                         (sites.sections), a project's and a workshop's page (chsd_portal.page_sections),
                         role permissions, demo data
storage.py               where files live: derivatives in the default storage, originals in the
                         private "gallery_originals" storage (settings only, for S3 too)
files.py                 what an upload really is, from its bytes: the checks and their Thai refusals
permissions.py           who may change albums (staff; a site's mentors), download originals, the zip
models/album.py          album: title, date, description, site/workshop/project, cover, status
models/photo.py          photo: private original, size and bytes, EXIF date, derivatives, order
forms/album.py           the album editor (a mentor's sites only; a project by its code)
forms/upload.py          many files at once
forms/photos.py          the arrange page: caption, order, delete per photo, and the cover
selectors/albums.py      the list, an album's page and photos, related albums, the pages' sections,
                         the home strip, the hashes a resumed upload skips
services/ingest.py       one file into one photo, or a refusal; a file sent again is the same photo
services/derivatives.py  the WebP/JPEG sizes pages serve, made once at ingest, no EXIF/GPS
services/delete.py       photos and albums deleted with their files (after the commit)
services/albums.py       album save, arrange (order, captions, cover, deletions) in one step
templatetags/gallery_photos.py  <picture> with srcset/sizes and lazy loading; the seeds' size line
views/albums.py          list, album page, one photo's page (no JavaScript), editor, delete
views/upload.py          the upload: one file per request from the script (JSON), or all at once
views/photos.py          the arrange page
views/downloads.py       an original (staff, or anyone if the album allows), the album's zip (staff, streamed)
urls/__init__.py         app_name "gallery": /albums/…
demo/albums.py           the albums of seeds 003 and 004 (demo/albums.json), photos drawn by demo/drawing.py
templates/gallery/       the pages; static/js/gallery*.js, static/css/gallery.css; PhotoSwipe in
                         static/vendor/photoswipe; tests/gallery/ (factories.py, test_*.py)
"""
