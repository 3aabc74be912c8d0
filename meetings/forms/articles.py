"""The article editor (title, date, category, summary, a Markdown body with pictures, status and
the optional site, workshop and project it is about), the picture upload the editor's button
uses, and the live preview's body."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from chsd_portal.forms import ThaiDateField
from programmes.models import Project
from sites.models import Site

from ..images import NotAnImage, check_image
from ..models import Article, Category, Workshop
from ..text.markdown import render_body

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp,image/gif"
MAX_IMAGES_PER_SAVE = 10


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


def clean_image(upload):
    """A real JPEG, PNG, WebP or GIF under the size limit, checked from its content, or a Thai
    message saying what is wrong."""
    if upload.size > settings.ARTICLE_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("%(name)s is larger than %(limit)s.")
            % {"name": upload.name, "limit": filesizeformat(settings.ARTICLE_IMAGE_MAX_BYTES)}
        )
    try:
        check_image(upload)
    except NotAnImage as error:
        raise ValidationError(
            _("%(name)s is not a JPEG, PNG, WebP or GIF picture (checked from its content).")
            % {"name": upload.name}
        ) from error
    return upload


class ImagesField(forms.FileField):
    widget = MultipleImageInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_IMAGES_PER_SAVE:
            raise ValidationError(
                _("Upload at most %(count)s pictures at a time.") % {"count": MAX_IMAGES_PER_SAVE}
            )
        return [clean_image(super(ImagesField, self).clean(upload, initial)) for upload in files]


class WorkshopChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, workshop):
        return _("%(name)s: workshop %(number)s") % {"name": workshop.site.name, "number": workshop.number}


class SiteChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, site):
        return site.name


class ArticleForm(forms.ModelForm):
    date = ThaiDateField(label=_("date"))
    new_images = ImagesField(
        label=_("pictures"),
        required=False,
        help_text=_(
            "JPEG, PNG, WebP or GIF. Each picture is put into the body where the cursor is (or at "
            "the end when you save), and readers get a resized copy."
        ),
    )
    site = SiteChoiceField(queryset=None, required=False, label=_("site"))
    workshop = WorkshopChoiceField(queryset=None, required=False, label=_("workshop"))
    project_code = forms.CharField(
        label=_("project code"),
        required=False,
        max_length=50,
        help_text=_("The code of the project this article is about, for example 60-ข-087."),
    )

    class Meta:
        model = Article
        fields = ["title", "date", "category", "summary", "body", "status", "site", "workshop"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 18, "class": "article-editor-body", "spellcheck": "true"}),
        }
        help_texts = {
            "body": _(
                "Write as usual: a blank line starts a new paragraph. # at the start of a line makes a "
                "heading, - or 1. a list item, **text** bold, [text](address) a link; the buttons "
                "above the box do it for you. The preview shows what readers will see."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.all()
        self.fields["category"].empty_label = None if Category.objects.exists() else "---------"
        self.fields["site"].queryset = Site.objects.with_place()
        self.fields["workshop"].queryset = Workshop.objects.select_related("site__subdistrict").order_by(
            "site__subdistrict__sort_name", "number"
        )
        self.fields["new_images"].widget.attrs["accept"] = IMAGE_ACCEPT
        if self.instance.project_id:
            self.fields["project_code"].initial = self.instance.project.code

    def clean_project_code(self):
        code = (self.cleaned_data.get("project_code") or "").strip()
        if not code:
            return None
        project = Project.objects.filter(code__iexact=code).first()
        if project is None:
            raise ValidationError(_("No project has the code %(code)s.") % {"code": code})
        return project

    def clean_body(self):
        body = self.cleaned_data.get("body") or ""
        if not render_body(body).strip() and not self.files.getlist(self.add_prefix("new_images")):
            raise ValidationError(_("Write the article's text."))
        return body

    def clean(self):
        cleaned = super().clean()
        site, workshop = cleaned.get("site"), cleaned.get("workshop")
        if workshop and site and workshop.site_id != site.pk:
            self.add_error("workshop", _("This workshop was held at another site."))
        elif workshop and not site:
            cleaned["site"] = workshop.site
        return cleaned

    def save(self, commit=True):
        article = super().save(commit=False)
        article.site = self.cleaned_data.get("site")
        article.project = self.cleaned_data.get("project_code")
        if commit:
            article.save()
        return article


class ImageUploadForm(forms.Form):
    """One picture from the editor's button: stored at once, put into the body by the page."""

    image = forms.FileField(label=_("picture"))

    def clean_image(self):
        return clean_image(self.cleaned_data["image"])


class PreviewForm(forms.Form):
    body = forms.CharField(required=False, max_length=200_000, strip=False)
