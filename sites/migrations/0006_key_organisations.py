"""Key organisations become rows (type, name, role) instead of one text box. Each line of a
report's old text becomes a row: "name: role" is split at the first colon, the type is read
from the name's words (อบต./เทศบาล, โรงพยาบาล/รพ.สต./PCU, อสม., ชมรม/กลุ่ม/…, else others), and a
line that cannot be split keeps its whole text, so nothing typed is lost. Reversible: the rows
are written back as "name: role" lines."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

NAME_MAX = 200
# The first word that matches decides the type; order matters (อาสาสมัครสาธารณสุข before สาธารณสุข, โรงพยาบาล before ชุมชน).
KIND_WORDS = [
    ("local_government", ("องค์การบริหารส่วน", "อบต", "อบจ", "เทศบาล", "องค์กรปกครองส่วนท้องถิ่น", "อปท")),
    ("volunteers", ("อสม", "อาสาสมัครสาธารณสุข")),
    ("health_service", ("โรงพยาบาล", "รพ.", "รพ.สต", "pcu", "สถานีอนามัย", "ศูนย์สุขภาพชุมชน", "สาธารณสุข")),
    ("community", ("ชมรม", "กลุ่ม", "คณะกรรมการ", "มัสยิด", "วัด", "โรงเรียน", "ชุมชน", "สภา", "ผู้นำ", "เครือข่าย")),
]


def kind_of(name: str) -> str:
    lowered = name.lower()
    for kind, words in KIND_WORDS:
        if any(word in lowered for word in words):
            return kind
    return "other"


def split_line(line: str) -> tuple[str, str]:
    """(name, role) of one line of the old text; a line with no usable colon is all name, or,
    when too long for a name, keeps its whole text as the role under its first words."""
    for colon in (":", "："):
        name, sep, role = line.partition(colon)
        if sep and 0 < len(name.strip()) <= NAME_MAX:
            return name.strip(), role.strip()
    if len(line) <= NAME_MAX:
        return line, ""
    return line[: NAME_MAX - 1].rstrip() + "…", line


def text_to_rows(apps, schema_editor):
    CapacityReport = apps.get_model("sites", "CapacityReport")
    KeyOrganisation = apps.get_model("sites", "KeyOrganisation")
    rows = []
    for report in CapacityReport.objects.exclude(key_organisations="").only("pk", "key_organisations"):
        for line in report.key_organisations.splitlines():
            line = line.strip().lstrip("-•*").strip()
            if not line:
                continue
            name, role = split_line(line)
            rows.append(KeyOrganisation(report_id=report.pk, kind=kind_of(name), name=name, role=role))
    KeyOrganisation.objects.bulk_create(rows)


def rows_to_text(apps, schema_editor):
    CapacityReport = apps.get_model("sites", "CapacityReport")
    KeyOrganisation = apps.get_model("sites", "KeyOrganisation")
    lines: dict[int, list[str]] = {}
    for row in KeyOrganisation.objects.order_by("report_id", "pk"):
        lines.setdefault(row.report_id, []).append(f"{row.name}: {row.role}" if row.role else row.name)
    for report_id, report_lines in lines.items():
        CapacityReport.objects.filter(pk=report_id).update(key_organisations="\n".join(report_lines))


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0005_track_menu_tables"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalKeyOrganisation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("local_government", "local government organisation"),
                            ("health_service", "PCU / community hospital"),
                            ("community", "community organisation"),
                            ("volunteers", "village health volunteers"),
                            ("other", "others"),
                        ],
                        max_length=20,
                        verbose_name="organisation type",
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="organisation name")),
                ("role", models.TextField(blank=True, max_length=1000, verbose_name="role")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="sites.capacityreport",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical key organisation",
                "verbose_name_plural": "historical key organisations and their roles",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="KeyOrganisation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("local_government", "local government organisation"),
                            ("health_service", "PCU / community hospital"),
                            ("community", "community organisation"),
                            ("volunteers", "village health volunteers"),
                            ("other", "others"),
                        ],
                        max_length=20,
                        verbose_name="organisation type",
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="organisation name")),
                ("role", models.TextField(blank=True, max_length=1000, verbose_name="role")),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="organisations",
                        to="sites.capacityreport",
                    ),
                ),
            ],
            options={
                "verbose_name": "key organisation",
                "verbose_name_plural": "key organisations and their roles",
                "ordering": ["report", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("name", ""), _negated=True), name="key_organisation_has_name"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "kind__in",
                                ["local_government", "health_service", "community", "volunteers", "other"],
                            )
                        ),
                        name="key_organisation_known_kind",
                    ),
                ],
            },
        ),
        migrations.RunPython(text_to_rows, rows_to_text),
        migrations.RemoveField(
            model_name="capacityreport",
            name="key_organisations",
        ),
        migrations.RemoveField(
            model_name="historicalcapacityreport",
            name="key_organisations",
        ),
    ]
