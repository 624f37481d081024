from . import test_demo_chart
from . import test_demo_users
