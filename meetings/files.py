"""What an uploaded file really is, read from its bytes, not its name: PDF by its signature,
DOCX and XLSX as ZIP packages holding the Office part each must have. Anything else, a renamed
file or a ZIP of something else, is refused."""

from __future__ import annotations

import zipfile

PDF_SIGNATURE = b"%PDF-"
ZIP_SIGNATURE = b"PK\x03\x04"
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
# A package with more entries than this is not a document a person wrote (a ZIP bomb, say).
MAX_ZIP_ENTRIES = 5000


def detect_kind(upload) -> str | None:
    """ "pdf", "docx", "xlsx", or None for anything else. Leaves the file at its start."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(PDF_SIGNATURE):
            return "pdf"
        if not head.startswith(ZIP_SIGNATURE):
            return None
        try:
            with zipfile.ZipFile(upload) as package:
                names = package.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if len(names) > MAX_ZIP_ENTRIES or "[Content_Types].xml" not in names:
            return None
        for kind, part in OFFICE_PARTS.items():
            if part in names:
                return kind
        return None
    finally:
        upload.seek(0)
