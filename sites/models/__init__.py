from .capacity import CapacityComponent, CapacityReport, ComponentScore
from .geography import District, PlaceName, Province, Subdistrict
from .site import Site

__all__ = [
    "CapacityComponent",
    "CapacityReport",
    "ComponentScore",
    "District",
    "PlaceName",
    "Province",
    "Site",
    "Subdistrict",
]
