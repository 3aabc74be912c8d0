from .attachment import WorkshopAttachment
from .workshop import Attendance, OrganisationType, Participant, Workshop

__all__ = ["Attendance", "OrganisationType", "Participant", "Workshop", "WorkshopAttachment"]
