"""News and meetings (ข่าว/ประชุม): the list by category, an article's page (BE date, อ่าน N,
related items, previous/next, share links, Open Graph), the feeds, who may write, and a fixed
number of queries on every page whatever the data."""

import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from meetings.models import Article, Category
from tests.factories import ALL_ROLES, user_in_role
from tests.meetings.factories import ArticleFactory, CategoryFactory, WorkshopFactory
from tests.programmes.factories import ProjectFactory
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def page(client, url, **kwargs):
    response = client.get(url, HTTP_USER_AGENT=BROWSER, **kwargs)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_list_shows_one_category_newest_first_and_leaves_out_drafts(client):
    meetings, news = CategoryFactory(name="ประชุมทีมพี่เลี้ยง"), CategoryFactory(name="ข่าวกิจกรรม")
    ArticleFactory(title="เก่า", category=meetings, date=dt.date(2012, 8, 1))
    ArticleFactory(title="ใหม่", category=meetings, date=dt.date(2012, 9, 1))
    ArticleFactory(title="ข่าวอื่น", category=news)
    ArticleFactory(title="ร่าง", category=meetings, draft=True)
    html = page(client, meetings.get_absolute_url())
    assert html.index("ใหม่") < html.index("เก่า")
    assert "ข่าวอื่น" not in html and "ร่าง" not in html
    assert "1 กันยายน 2555" in html
    everything = page(client, reverse("meetings:article-list"))
    assert "ข่าวอื่น" in everything and "ร่าง" not in everything


def test_the_list_pages_twenty_at_a_time(client):
    category = CategoryFactory()
    for day in range(1, 26):
        ArticleFactory(title=f"เรื่องวันที่ {day:02d}", category=category, date=dt.date(2012, 9, day))
    first = page(client, category.get_absolute_url())
    assert "เรื่องวันที่ 25" in first and "เรื่องวันที่ 05" not in first and 'rel="next"' in first
    second = page(client, category.get_absolute_url() + "?page=2")
    assert "เรื่องวันที่ 05" in second and "เรื่องวันที่ 25" not in second


def test_an_article_page_has_its_date_category_body_count_and_related_items(client):
    category = CategoryFactory(name="ประชุมทีมพี่เลี้ยง")
    site = SiteFactory()
    older = ArticleFactory(title="ประชุมทีมพี่เลียงภาคกลาง", category=category, date=dt.date(2012, 8, 15))
    article = ArticleFactory(
        title="ประชุมทีมพี่เลี้ยง", category=category, date=dt.date(2012, 9, 20), site=site, summary="สรุปสั้น"
    )
    newer = ArticleFactory(title="Scenario ระบบสุขภาพชุมชน", category=category, date=dt.date(2012, 10, 5))
    same_site = ArticleFactory(title="ข่าวของตำบลนี้", site=site, date=dt.date(2012, 7, 1))
    ArticleFactory(title="เรื่องอื่นที่ไม่เกี่ยว", date=dt.date(2012, 12, 1))
    html = page(client, article.get_absolute_url())
    assert "<h1" in html and "ประชุมทีมพี่เลี้ยง" in html and "20 กันยายน 2555" in html
    assert "อ่าน 1" in html and "<h2>วาระ</h2>" in html and "<li>ทุนร่วม</li>" in html
    related = html[html.index('id="related-heading"') :]
    assert [t for t in (newer.title, older.title, same_site.title) if t in related] == [
        newer.title,
        older.title,
        same_site.title,
    ]
    assert related.index(newer.title) < related.index(older.title) < related.index(same_site.title)
    assert "เรื่องอื่นที่ไม่เกี่ยว" not in related
    nav = html[html.index('class="article-nav') :]
    assert f'href="{older.get_absolute_url()}" rel="prev"' in nav
    assert f'href="{newer.get_absolute_url()}" rel="next"' in nav


def test_share_links_carry_the_articles_address_and_no_send_form_exists(client):
    article = ArticleFactory(title="ประชุมทีมพี่เลี้ยง")
    html = page(client, article.get_absolute_url())
    address = f"http://testserver{article.get_absolute_url()}"
    line = html.split('class="btn btn-outline-secondary share-line" href="')[1].split('"')[0]
    assert parse_qs(urlsplit(line.replace("&amp;", "&")).query)["url"] == [address]
    facebook = html.split('share-facebook" href="')[1].split('"')[0]
    assert parse_qs(urlsplit(facebook.replace("&amp;", "&")).query)["u"] == [address]
    assert 'href="mailto:?subject=' in html
    assert f'<meta property="og:url" content="{address}">' in html
    assert '<meta property="og:title" content="ประชุมทีมพี่เลี้ยง">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert f'<p class="article-print-address d-none d-print-block">ที่อยู่หน้านี้: {address}</p>' in html
    assert 'method="post"' not in html.split('id="main"')[1].split("</main>")[0]


def test_a_draft_is_404_for_visitors_and_members_but_staff_see_it(client, member_user, staff_user):
    article = ArticleFactory(draft=True)
    url = article.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(member_user)
    assert client.get(url).status_code == 404
    client.force_login(staff_user)
    assert "ฉบับร่าง" in page(client, url)


def test_the_article_links_to_its_site_workshop_and_project_and_they_link_back(client):
    site = SiteFactory()
    workshop = WorkshopFactory(site=site)
    project = ProjectFactory(list_page=True)
    article = ArticleFactory(title="ข่าวจากพื้นที่", site=site, workshop=workshop, project=project)
    html = page(client, article.get_absolute_url())
    assert reverse("sites:site-detail", args=[site.code]) in html
    assert reverse("meetings:workshop-detail", args=[site.code, workshop.number]) in html
    assert reverse("programmes:project-detail", args=[project.code]) in html
    for url in (
        reverse("sites:site-detail", args=[site.code]),
        reverse("meetings:workshop-detail", args=[site.code, workshop.number]),
        reverse("programmes:project-detail", args=[project.code]),
    ):
        assert article.get_absolute_url() in page(client, url), url


def test_the_home_page_shows_the_latest_articles(client):
    ArticleFactory(title="ข่าวล่าสุดบนหน้าแรก")
    ArticleFactory(title="ร่างที่ไม่แสดง", draft=True)
    html = page(client, reverse("programmes:home"))
    assert "ข่าว/ประชุมล่าสุด" in html and "ข่าวล่าสุดบนหน้าแรก" in html and "ร่างที่ไม่แสดง" not in html


def test_the_menu_has_news_and_meetings(client):
    html = page(client, reverse("programmes:home"))
    assert f'href="{reverse("meetings:article-list")}">ข่าว/ประชุม</a>' in html


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_each_category_has_its_feed_of_published_articles(client, kind):
    category = CategoryFactory(name="ประชุมทีมพี่เลี้ยง")
    ArticleFactory(title="ในหมวด", category=category)
    ArticleFactory(title="ร่างในหมวด", category=category, draft=True)
    ArticleFactory(title="หมวดอื่น")
    response = client.get(reverse(f"meetings:article-category-feed-{kind}", args=[category.pk]))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    text = response.content.decode()
    assert "ในหมวด" in text and "ร่างในหมวด" not in text and "หมวดอื่น" not in text
    assert root.tag in ("rss", "{http://www.w3.org/2005/Atom}feed")
    everything = client.get(reverse(f"meetings:article-feed-{kind}")).content.decode()
    assert "หมวดอื่น" in everything


# --- Who may write -----------------------------------------------------------------------------


def _editor_data(category, **overrides):
    data = {
        "title": "ประชุมทีมพี่เลี้ยงภาคใต้",
        "date": "20/9/2555",
        "category": str(category.pk),
        "summary": "",
        "body": "## ภาคใต้\n\n- วิเคราะห์ทุน\n- เลือกพื้นที่เรียนรู้",
        "status": "published",
        "site": "",
        "workshop": "",
        "project_code": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_staff_and_admins_write_articles(client, role):
    category = CategoryFactory()
    user = user_in_role(role)
    if user:
        client.force_login(user)
    allowed = role in ("staff", "admin")
    create = reverse("meetings:article-create")
    response = client.post(create, _editor_data(category))
    if allowed:
        article = Article.objects.get()
        assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
        assert article.date == dt.date(2012, 9, 20) and article.author == user
        assert "<h3>ภาคใต้</h3>" in article.body_html
        for url in (reverse("meetings:article-edit", args=[article.pk]), reverse("meetings:category-list")):
            assert client.get(url).status_code == 200
    else:
        assert response.status_code == (302 if role is None else 403)
        assert not Article.objects.exists()
        article = ArticleFactory(category=category)
        for url in (
            reverse("meetings:article-edit", args=[article.pk]),
            reverse("meetings:article-delete", args=[article.pk]),
            reverse("meetings:category-list"),
            reverse("meetings:category-create"),
        ):
            assert client.get(url).status_code == (302 if role is None else 403), url
        assert client.post(reverse("meetings:article-delete", args=[article.pk])).status_code in (302, 403)
        assert Article.objects.filter(pk=article.pk).exists()
        assert client.post(reverse("meetings:article-preview"), {"body": "x"}).status_code in (302, 403)


def test_a_bad_save_says_in_thai_what_to_fix_and_keeps_what_was_typed(client, staff_user):
    category = CategoryFactory()
    client.force_login(staff_user)
    response = client.post(
        reverse("meetings:article-create"),
        _editor_data(
            category, title="", date="31/4/2561", body="<script>alert(1)</script>", project_code="ไม่มี-1"
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="error-summary"' in html
    assert "ไม่มีโครงการรหัส ไม่มี-1" in html and "กรุณาพิมพ์เนื้อหา" in html and "วันที่ 31 ไม่มีในเดือนเมษายน 2561" in html
    assert not Article.objects.exists()


def test_a_workshop_of_another_site_is_refused_and_a_workshop_alone_brings_its_site(client, staff_user):
    category = CategoryFactory()
    workshop = WorkshopFactory()
    client.force_login(staff_user)
    bad = client.post(
        reverse("meetings:article-create"),
        _editor_data(category, site=str(SiteFactory().pk), workshop=str(workshop.pk)),
    )
    assert "การประชุมกับพื้นที่นี้จัดที่พื้นที่ดำเนินการอื่น" in bad.content.decode()
    client.post(reverse("meetings:article-create"), _editor_data(category, workshop=str(workshop.pk)))
    assert Article.objects.get().site == workshop.site


def test_the_live_preview_is_sanitised_like_the_save(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("meetings:article-preview"), {"body": "# หัวข้อ\n\n<script>alert(1)</script>"}
    )
    assert response.content.decode() == "<h2>หัวข้อ</h2>"


def test_categories_are_managed_and_one_holding_articles_is_not_deleted(client, staff_user):
    client.force_login(staff_user)
    client.post(reverse("meetings:category-create"), {"name": "ข่าวกิจกรรม", "description": "", "order": "3"})
    category = Category.objects.get(name="ข่าวกิจกรรม")
    client.post(reverse("meetings:category-edit", args=[category.pk]), {"name": "ข่าวกิจกรรมพื้นที่", "order": "3"})
    category.refresh_from_db()
    assert category.name == "ข่าวกิจกรรมพื้นที่"
    ArticleFactory(category=category)
    response = client.post(reverse("meetings:category-delete", args=[category.pk]), follow=True)
    assert "ยังมีเรื่องอยู่" in response.content.decode() and Category.objects.filter(pk=category.pk).exists()
    empty = CategoryFactory()
    client.post(reverse("meetings:category-delete", args=[empty.pk]))
    assert not Category.objects.filter(pk=empty.pk).exists()
    duplicate = client.post(reverse("meetings:category-create"), {"name": "ข่าวกิจกรรมพื้นที่", "order": "1"})
    assert 'id="error-summary"' in duplicate.content.decode()


# --- Queries -----------------------------------------------------------------------------------


def _grow(count, category, site):
    for n in range(count):
        ArticleFactory(
            category=category, site=site if n % 2 else None, date=dt.date(2012, 1, 1) + dt.timedelta(days=n)
        )


@pytest.mark.parametrize("role", [None, "staff"])
def test_article_pages_and_feeds_cost_the_same_with_3_or_60_articles(
    client, role, django_assert_max_num_queries, django_assert_num_queries
):
    "The list, a category, an article (counted as a read), the feeds and the editor: pinned"
    user = user_in_role(role)
    if user:
        client.force_login(user)
    category, site = CategoryFactory(), SiteFactory()
    _grow(3, category, site)
    article = Article.objects.order_by("pk")[1]
    urls = [
        reverse("meetings:article-list"),
        category.get_absolute_url(),
        article.get_absolute_url(),
        reverse("meetings:article-feed-rss"),
        reverse("meetings:article-category-feed-atom", args=[category.pk]),
    ]
    if role:
        urls.append(reverse("meetings:article-edit", args=[article.pk]))
    counts = []
    for url in urls:
        # 15: the article page also reads its albums (gallery, through chsd_portal.page_sections).
        with django_assert_max_num_queries(15) as captured:
            assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 200
        counts.append(len(captured))
    _grow(57, category, site)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            client.get(url, HTTP_USER_AGENT=BROWSER)


# --- Search ------------------------------------------------------------------------------------


def test_search_finds_a_published_article_by_a_word_inside_its_text_and_drafts_only_for_staff(staff_user):
    "Registered with chsd_portal.search: saves index at once; a category's new name follows"
    from tests.search.factories import found

    category = CategoryFactory(name="ประชุมทีมพี่เลี้ยง")
    ArticleFactory(title="ประชุมทีมพี่เลี้ยงภาคใต้", category=category, body="ทำการวิเคราะห์ทุนทางสังคมร่วมกัน")
    ArticleFactory(title="ร่างบันทึกการประชุม", category=category, body="ทุนทางสังคมของตำบล", draft=True)
    assert ("meetings.article", "ประชุมทีมพี่เลี้ยงภาคใต้") in found("ทุนทางสังคม")
    assert ("meetings.article", "ร่างบันทึกการประชุม") not in found("ทุนทางสังคม")
    assert ("meetings.article", "ร่างบันทึกการประชุม") in found("ทุนทางสังคม", staff_user)
    category.name = "ประชุมคณะกรรมการกำกับดูแลแผนงาน"
    category.save()
    assert ("meetings.article", "ประชุมทีมพี่เลี้ยงภาคใต้") in found("คณะกรรมการกำกับดูแล")
