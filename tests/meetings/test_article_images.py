"""Pictures in articles: uploaded through the portal, checked by their content (Pillow), stored
under random names, and served resized and re-encoded (no camera metadata), never the original."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from meetings.models import Article, ArticleImage
from tests.meetings.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def picture(name="ภาพกิจกรรม.jpg", size=(3000, 2000), format="JPEG", exif=True) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (30, 120, 80))
    kwargs = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"  # Make
        data[0x0112] = 1  # orientation
        kwargs["exif"] = data.tobytes()
    image.save(buffer, format, **kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _data(category, **overrides):
    data = {
        "title": "เวทีแลกเปลี่ยนเรียนรู้",
        "date": "1/10/2555",
        "category": str(category.pk),
        "summary": "",
        "body": "## บรรยากาศ\n\n- ผู้เข้าร่วม 40 คน",
        "status": "published",
        "site": "",
        "workshop": "",
        "project_code": "",
    }
    data.update(overrides)
    return data


def test_a_picture_saved_with_the_form_goes_into_the_body_resized(client, staff_user):
    client.force_login(staff_user)
    category = CategoryFactory()
    response = client.post(reverse("meetings:article-create"), {**_data(category), "new_images": [picture()]})
    assert response.status_code == 302
    article = Article.objects.get()
    image = ArticleImage.objects.get()
    assert image.article == article and article.cover == image
    assert f'src="{image.url("large")}"' in article.body_html
    assert 'width="1600" height="1067"' in article.body_html
    served = client.get(image.url("large"))
    assert served["Content-Type"] == "image/jpeg" and "immutable" in served["Cache-Control"]
    copy = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert copy.size == (1600, 1067) and copy.format == "JPEG"
    assert dict(copy.getexif()) == {}  # the phone's metadata is not passed on
    small = Image.open(io.BytesIO(b"".join(client.get(image.url("small")).streaming_content)))
    assert max(small.size) == 640
    assert image.original_width == 3000 and "ภาพกิจกรรม" not in image.original.name
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'<meta property="og:image" content="http://testserver{image.url("large")}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_the_editors_picture_button_uploads_and_answers_the_markdown(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("meetings:article-image-upload"), {"image": picture(format="PNG", exif=False)}
    )
    answer = json.loads(response.content)
    image = ArticleImage.objects.get()
    assert answer["markdown"] == f"![]({image.url('large')})"
    assert image.article is None  # tied to the article when it is saved with it


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ภาพ.jpg", b"%PDF-1.7 not a picture at all"),
        ("ภาพ.png", b"<script>alert(1)</script>"),
        ("ภาพ.jpg", b"\xff\xd8\xff\xe0 broken jpeg"),
    ],
)
def test_a_file_that_is_not_a_picture_is_refused_by_its_content(client, staff_user, name, content):
    client.force_login(staff_user)
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(reverse("meetings:article-image-upload"), {"image": upload})
    assert response.status_code == 400
    assert "ไม่ใช่รูปภาพ JPEG, PNG, WebP หรือ GIF" in json.loads(response.content)["error"]
    form = client.post(
        reverse("meetings:article-create"),
        {**_data(CategoryFactory()), "new_images": [SimpleUploadedFile(name, content)]},
    )
    assert "ไม่ใช่รูปภาพ" in form.content.decode()
    assert not ArticleImage.objects.exists() and not Article.objects.exists()


def test_a_decompression_bomb_is_refused(client, staff_user):
    "A small PNG of 100,000 x 1,000 pixels (100 million) is never decoded"
    client.force_login(staff_user)
    buffer = io.BytesIO()
    Image.new("1", (100_000, 1000)).save(buffer, "PNG")
    response = client.post(
        reverse("meetings:article-image-upload"), {"image": SimpleUploadedFile("bomb.png", buffer.getvalue())}
    )
    assert response.status_code == 400 and not ArticleImage.objects.exists()


def test_only_staff_upload_pictures(client, member_user):
    assert client.post(reverse("meetings:article-image-upload"), {"image": picture()}).status_code == 302
    client.force_login(member_user)
    assert client.post(reverse("meetings:article-image-upload"), {"image": picture()}).status_code == 403
    assert not ArticleImage.objects.exists()


def test_an_unknown_picture_or_size_is_404(client):
    assert client.get(reverse("meetings:article-image", args=["0" * 32, "large"])).status_code == 404
    assert client.get(reverse("meetings:article-image", args=["0" * 32, "original"])).status_code == 404
