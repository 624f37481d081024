from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import FunnelCommon


@tagged("post_install", "-at_install")
class TestOverviewTour(HttpCase, FunnelCommon):
    """The head of service logs in and lands on the overview, in French,
    with the semester's funnel; a click opens the records behind a figure.
    A browser's clock cannot be frozen: the data is built around today."""

    def test_head_of_service_overview_tour(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        today = fields.Date.today()
        semester = self.env["health.internship.semester"].get_for_date(today, create=True)
        begin = datetime.combine(today + timedelta(days=10), datetime.min.time()) + timedelta(
            hours=17
        )
        if begin.date() > semester.date_end:
            begin = datetime.combine(semester.date_end, datetime.min.time()) + timedelta(hours=17)
        self._funnel_fixture(semester, self.epci_a, begin)
        head = self._head_of_service("tour_head")
        head.write(
            {
                "lang": "fr_FR",
                "tz": "Europe/Paris",
                "action_id": self.env.ref("health_base.health_overview_tile_action").id,
            }
        )
        self.start_tour("/odoo", "health_overview_tour", login="tour_head")
