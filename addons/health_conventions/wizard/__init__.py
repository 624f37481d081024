from . import health_convention_termination
from . import health_convention_renewal_wizard
