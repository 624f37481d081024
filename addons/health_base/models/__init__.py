from . import health_partner_role
from . import health_organization_type
from . import health_territory
from . import health_territory_mixin
from . import health_internship_semester
from . import health_toolbox_axis
from . import health_toolbox_measure
from . import res_partner
