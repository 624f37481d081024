from . import health_convention_termination
from . import health_convention_renewal_wizard
from . import health_territory_annual_report
