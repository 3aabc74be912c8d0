from .capacity import CapacityComponent, CapacityReport, ComponentScore, KeyOrganisation, KeyOrganisationType
from .geography import District, PlaceName, Province, Subdistrict
from .site import Site

__all__ = [
    "CapacityComponent",
    "CapacityReport",
    "ComponentScore",
    "District",
    "KeyOrganisation",
    "KeyOrganisationType",
    "PlaceName",
    "Province",
    "Site",
    "Subdistrict",
]
