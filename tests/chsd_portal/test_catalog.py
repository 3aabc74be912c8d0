"""The Thai catalog is complete: every string the code and templates mark for translation has a
Thai translation that is neither empty nor fuzzy, and the compiled .mo matches the .po."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PO = ROOT / "locale" / "th" / "LC_MESSAGES" / "django.po"


def test_every_thai_entry_is_translated_and_not_fuzzy():
    catalog = polib.pofile(str(PO))
    missing = [e.msgid for e in catalog if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert missing == [], f"{len(missing)} Thai entries untranslated or fuzzy: {missing[:20]}"


def test_compiled_catalog_matches_the_po_file():
    po = polib.pofile(str(PO))
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    translated = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in po.translated_entries()}
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in mo if e.msgid}
    assert compiled == translated, "run `make messages` (or scripts/compile_catalog.py) to recompile"


SOURCE_DIRS = ["chsd_portal", "sites", "programmes", "meetings", "gallery", "qa_board", "templates"]


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_catalog_holds_every_string_marked_in_the_sources(tmp_path):
    """Extract the strings afresh from a copy of the sources and check each is in the catalog.

    makemessages writes into the `locale` folder beside the sources, so it runs on a copy."""
    for name in SOURCE_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    (tmp_path / "locale").mkdir()
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="chsd_portal.settings.test")
    env["DATABASE_URL"] = "postgres://unused@localhost/unused"  # makemessages never connects
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "th", "-v", "0"],
        cwd=tmp_path,
        check=True,
        env=env,
    )
    extracted = polib.pofile(str(tmp_path / "locale" / "th" / "LC_MESSAGES" / "django.po"))
    known = {(e.msgctxt, e.msgid) for e in polib.pofile(str(PO)).translated_entries()}
    missing = sorted({e.msgid for e in extracted if (e.msgctxt, e.msgid) not in known})
    assert missing == [], (
        f"{len(missing)} strings are not in the Thai catalog (run `make messages`): {missing[:20]}"
    )
