from . import test_access
from . import test_costs
from . import test_input_checks
from . import test_overview
