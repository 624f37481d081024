from . import crm_lead
from . import health_observatory_indicator
from . import health_territory
from . import res_partner
