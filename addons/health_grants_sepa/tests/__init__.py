from . import test_sepa
