from . import test_candidacy
