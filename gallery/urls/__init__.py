from django.urls import path

from ..views import albums, downloads, photos, upload

app_name = "gallery"

urlpatterns = [
    path("", albums.AlbumListView.as_view(), name="album-list"),
    path("new/", albums.AlbumEditView.as_view(), name="album-create"),
    path("<int:pk>/", albums.AlbumDetailView.as_view(), name="album-detail"),
    path("<int:pk>/edit/", albums.AlbumEditView.as_view(), name="album-edit"),
    path("<int:pk>/delete/", albums.AlbumDeleteView.as_view(), name="album-delete"),
    path("<int:pk>/upload/", upload.UploadView.as_view(), name="album-upload"),
    path("<int:pk>/upload/hashes/", upload.ExistingHashesView.as_view(), name="album-hashes"),
    path("<int:pk>/arrange/", photos.PhotoArrangeView.as_view(), name="photo-arrange"),
    path("<int:pk>/originals.zip", downloads.AlbumZipView.as_view(), name="album-zip"),
    path("<int:pk>/photos/<int:photo>/", albums.PhotoDetailView.as_view(), name="photo-detail"),
    path(
        "<int:pk>/photos/<int:photo>/original/",
        downloads.OriginalDownloadView.as_view(),
        name="photo-original",
    ),
]
