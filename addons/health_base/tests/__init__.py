from . import test_access
from . import test_internship_semester
from . import test_rpps
from . import test_territory
from . import test_toolbox
from . import test_ui
