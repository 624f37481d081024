from . import test_observatory_recruitment
