from . import test_submit, test_ui
