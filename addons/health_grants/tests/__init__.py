from . import test_access
from . import test_billing
from . import test_concurrency
from . import test_grant
from . import test_input
from . import test_reclaim_bank
from . import test_ui
from . import test_xlsx
