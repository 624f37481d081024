from . import health_territory
