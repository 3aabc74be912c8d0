"""Merge every locale/th/pending/*.json ({"English": "ไทย"}) into the Thai catalog, then compile.

Work in progress writes its translations there so that several people can add strings at once;
`make messages` extracts the msgids and this fills them. Delete a file once its work is done.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from po_set import PO, ROOT, apply  # noqa: E402

pending_dir = ROOT / "locale" / "th" / "pending"
merged: dict[str, str] = {}
for path in sorted(pending_dir.glob("*.json")):
    merged.update(json.loads(path.read_text(encoding="utf-8")))
missing = apply(merged)
print(f"merged into {PO.relative_to(ROOT)}; {len(missing)} msgids not (yet) in the sources")
