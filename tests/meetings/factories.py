"""factory_boy factories for meetings: workshops (numbered per site), attendance rows, participants.

- `WorkshopFactory(draft=True)` is not published.
"""

import datetime as dt

import factory

from meetings.models import Attendance, OrganisationType, Participant, Workshop
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
