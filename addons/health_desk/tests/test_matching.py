from odoo.addons.health_base.tests.common import make_rpps
from odoo.tests import tagged

from .common import DeskCommon


@tagged("post_install", "-at_install")
class TestMatching(DeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpps = make_rpps(4242)
        cls.doctor = cls.env["res.partner"].create(
            {
                "name": "Dr Jeanne Known",
                "email": "Jeanne.Known@Example.org",
                "health_rpps": cls.rpps,
            }
        )

    def test_match_rpps_first(self):
        ticket = self._ticket(health_rpps=self.rpps, partner_email="other@example.org")
        self.assertEqual(ticket.partner_id, self.doctor)

    def test_match_email_case_insensitive(self):
        ticket = self._ticket(partner_name="J. Known", partner_email="jeanne.known@example.org")
        self.assertEqual(ticket.partner_id, self.doctor)

    def test_match_unique_name(self):
        ticket = self._ticket(partner_name="dr jeanne known", partner_email=False)
        self.assertEqual(ticket.partner_id, self.doctor)

    def test_homonyms_not_merged(self):
        self.env["res.partner"].create({"name": "Dr Jeanne Known"})
        count = self.env["res.partner"].search_count([])
        ticket = self._ticket(partner_name="Dr Jeanne Known", partner_email=False)
        self.assertNotEqual(ticket.partner_id, self.doctor)
        self.assertEqual(self.env["res.partner"].search_count([]), count + 1)

    def test_batch_no_duplicate(self):
        """Two requests of a new person in one batch create one contact."""
        count = self.env["res.partner"].search_count([])
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"Question {index}",
                    "description": "<p>?</p>",
                    "category_id": self.cat_admin.id,
                    "partner_name": "New Person",
                    "partner_email": "new.person@example.org",
                }
                for index in range(3)
            ]
        )
        self.assertEqual(len(tickets.partner_id), 1)
        self.assertEqual(self.env["res.partner"].search_count([]), count + 1)

    def test_not_a_desk(self):
        """Requests of other helpdesk teams keep OCA's behaviour."""
        team = self.env["helpdesk.ticket.team"].create({"name": "IT support"})
        ticket = self._ticket(team_id=team.id, partner_email="it@example.org")
        self.assertFalse(ticket.partner_id)
        self.assertFalse(ticket.health_is_desk)
