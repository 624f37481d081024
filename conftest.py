"""pytest configuration of the suite's tests (run with pytest-odoo).

pytest-odoo imports Odoo's test framework before Odoo is in test mode, and
Odoo then logs an error ("Importing test framework, avoid importing from
business modules…") that the test command would rightly refuse.  Import the
framework here first, in test mode; pytest-odoo then finds it loaded.
"""

from odoo.tools import config

config["test_enable"] = True
import odoo.tests  # noqa: E402, F401

config["test_enable"] = False


def pytest_sessionstart(session):
    """Read every addon's manifest once, in the main thread.

    Browser tours and HTTP tests otherwise read them in the test server's
    first request, where Python 3.11 may fail parsing them ("AST constructor
    recursion depth mismatch", CPython gh-106905).
    """
    from odoo import http

    http.root.statics.get("web")
