from . import test_access
from . import test_controller
from . import test_indicators
from . import test_generator
from . import test_input_checks
from . import test_invitation
from . import test_registration
from . import test_ui
