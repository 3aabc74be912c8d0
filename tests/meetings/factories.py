"""factory_boy factories for meetings: workshops (numbered per site), attendance rows, participants,
article categories and articles.

- `WorkshopFactory(draft=True)` is not published.
- `ArticleFactory(draft=True)` is not published; its body is saved through `article_save`, so
  `body_html` is what the service renders.
"""

import datetime as dt

import factory

from meetings.models import Article, Attendance, Category, OrganisationType, Participant, Workshop
from meetings.services.articles import article_save
from tests.sites.factories import SiteFactory


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    class Params:
        draft = factory.Trait(status=Workshop.Status.DRAFT)

    site = factory.SubFactory(SiteFactory)
    number = factory.LazyAttribute(lambda w: Workshop.objects.filter(site=w.site).count() + 1)
    date = dt.date(2018, 1, 16)
    place = "ห้องประชุม อบต."
    agenda = "ชี้แจงแผนงาน"
    status = Workshop.Status.PUBLISHED


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    workshop = factory.SubFactory(WorkshopFactory)
    organisation_type = OrganisationType.HEALTH_VOLUNTEERS
    count = 5


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    workshop = factory.SubFactory(WorkshopFactory)
    name = "นางสมศรี ใจดี"
    role = "ประธาน อสม."
    organisation_type = OrganisationType.HEALTH_VOLUNTEERS
    phone = "081-234-5678"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"หมวดข่าว {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)

    title = factory.Sequence(lambda n: f"ประชุมทีมพี่เลี้ยง ครั้งที่ {n}")
    date = dt.date(2012, 9, 20)
    category = factory.SubFactory(CategoryFactory)
    summary = "สรุปการประชุม"
    body = "# วาระ\n\n1. กลยุทธ์\n2. บทบาท\n\n- ทุนร่วม\n- พื้นที่ร่วม\n"
    status = Article.Status.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return article_save(article=model_class(*args, **kwargs))
