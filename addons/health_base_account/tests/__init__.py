from . import test_demo_chart
