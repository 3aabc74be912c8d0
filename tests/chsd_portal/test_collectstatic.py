"""`make serve` collects the static files with the production storage, which follows every
reference inside them (a vendored script's source map included): none may be missing."""

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_with_the_production_storage_finds_every_referenced_file(tmp_path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", "--noinput", verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
    assert list(tmp_path.glob("vendor/leaflet/leaflet.*.js"))
