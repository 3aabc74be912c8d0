"""Sites (พื้นที่): Thailand's provinces, districts and sub-districts (GeoThai, CC BY 4.0) and
the chained selects every app's forms use to pick one. The same shape as programmes/ (see
programmes/__init__.py); each layer is one module while it holds one feature.

apps.py                  registers the geography loader as the first demo step
models.py                province, district, sub-district, with their Thai sort key
collation.py             Thai dictionary order for names (`thai_sort_key`)
forms.py                 `GeoChoiceMixin`: province → district → sub-district fields
selectors.py             reads of the reference data, in Thai order
services.py              `geography_load`: GeoThai and the sub-district centroids
views.py, urls.py        JSON lists for the chained selects (app_name "sites")
data/                    the centroids' CSV and its source (README.md)
management/commands/load_geography.py  `manage.py load_geography`
"""
