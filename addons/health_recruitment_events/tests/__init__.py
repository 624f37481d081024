from . import test_access
from . import test_candidacy
