from . import health_funnel
from . import health_overview_tile
