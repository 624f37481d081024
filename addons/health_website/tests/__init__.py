from . import test_application, test_opportunity, test_website
