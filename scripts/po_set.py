"""Set Thai translations in locale/th/LC_MESSAGES/django.po from a JSON file {"English": "ไทย"}.

Usage: python scripts/po_set.py translations.json   (run `make messages` first so the msgids exist)
Clears the fuzzy flag of every entry it sets, then compiles the .mo. Holds locale/.lock while
working so two people (or helpers) never write the catalog at once.
"""

import fcntl
import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "th" / "LC_MESSAGES" / "django.po"


def main(path: str) -> None:
    apply(json.loads(Path(path).read_text(encoding="utf-8")))


def apply(wanted: dict[str, str]) -> list[str]:
    """Set the translations; return the msgids that are not in the catalog."""
    with open(ROOT / "locale" / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        catalog = polib.pofile(str(PO))
        catalog.metadata["Language"] = "th"
        catalog.metadata_is_fuzzy = False
        missing = []
        for msgid, msgstr in wanted.items():
            entry = catalog.find(msgid)
            if entry is None:
                missing.append(msgid)
                continue
            if entry.msgid_plural:
                entry.msgstr_plural = {0: msgstr}
            else:
                entry.msgstr = msgstr
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
        catalog.save(str(PO))
        catalog.save_as_mofile(str(PO.with_suffix(".mo")))
    untranslated = [e.msgid for e in catalog if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    print(f"{len(untranslated)} entries still untranslated or fuzzy")
    for msgid in untranslated[:40]:
        print("  ", msgid)
    return missing


if __name__ == "__main__":
    main(sys.argv[1])
