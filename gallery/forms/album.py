"""The album editor: title, date (Buddhist Era), description, what it is tied to, status. A
mentor may only tie an album to a site assigned to them (and must tie it to one)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chsd_portal import roles
from chsd_portal.forms import ThaiDateField
from chsd_portal.thai import format_date
from meetings.models import Article, Workshop
from programmes.models import Project
from sites.models import Site
from sites.permissions import mentor_site_ids

from ..models import Album


class SiteChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, site):
        return site.name


class WorkshopChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, workshop):
        return _("%(site)s: workshop %(number)s") % {"site": workshop.site.name, "number": workshop.number}


class ArticleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, article):
        return f"{format_date(article.date)} · {article.title}"


class AlbumForm(forms.ModelForm):
    date = ThaiDateField(label=_("activity date"))
    site = SiteChoiceField(queryset=Site.objects.none(), required=False, label=_("site"))
    workshop = WorkshopChoiceField(queryset=Workshop.objects.none(), required=False, label=_("workshop"))
    article = ArticleChoiceField(queryset=Article.objects.none(), required=False, label=_("meeting article"))
    project = forms.ModelChoiceField(
        queryset=Project.objects.none(),
        required=False,
        to_field_name="code",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        label=_("project code"),
        help_text=_("Optional, for example 60-ข-087"),
        error_messages={"invalid_choice": _("No project has this code.")},
    )

    class Meta:
        model = Album
        fields = [
            "title",
            "date",
            "description",
            "site",
            "workshop",
            "project",
            "article",
            "status",
            "originals_downloadable",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        sites = Site.objects.with_place()
        workshops = Workshop.objects.select_related("site__subdistrict").order_by(
            "site__subdistrict__sort_name", "number"
        )
        self.is_mentor_only = not roles.is_staff_member(user)
        if self.is_mentor_only:
            own = mentor_site_ids(user)
            sites = sites.filter(pk__in=own)
            workshops = workshops.filter(site_id__in=own)
            self.fields["site"].required = True
            self.fields["site"].help_text = _("The sites assigned to you.")
        self.fields["site"].queryset = sites
        self.fields["workshop"].queryset = workshops
        self.fields["project"].queryset = Project.objects.visible_to(user)
        articles = Article.objects.all() if roles.is_staff_member(user) else Article.objects.published()
        self.fields["article"].queryset = articles.newest_first()
        if self.instance.project_id and not self.is_bound:
            self.initial["project"] = self.instance.project.code

    def clean(self):
        cleaned = super().clean()
        workshop, site = cleaned.get("workshop"), cleaned.get("site")
        if workshop is not None:
            if site is None:
                cleaned["site"] = workshop.site
            elif site.pk != workshop.site_id:
                self.add_error("workshop", _("This workshop was held at another site."))
        return cleaned
