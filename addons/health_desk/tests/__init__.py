from . import test_channels
from . import test_matching
from . import test_target
from . import test_transfer
from . import test_access
from . import test_ui
from . import test_overview
