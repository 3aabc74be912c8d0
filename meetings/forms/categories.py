"""The category editor (staff): a name, a description and its place in lists."""

from django import forms

from ..models import Category


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
