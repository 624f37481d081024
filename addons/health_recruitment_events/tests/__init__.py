from . import test_access
from . import test_candidacy
from . import test_ui
from . import test_input_checks
