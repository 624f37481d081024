from . import health_observatory_movement
from . import health_observatory_indicator
from . import health_territory
from . import res_partner
from . import res_config_settings
from . import health_observatory_apl
from . import health_observatory_snapshot
