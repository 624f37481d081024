from odoo.addons.health_base import tools
from odoo.addons.health_desk.tests.common import DeskCommon
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCandidacy(DeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.desk_recruiter = new_test_user(
            cls.env,
            login="hdr_both",
            groups="base.group_user,health_desk.group_health_desk_user,"
            "health_recruitment.group_recruitment_user",
            name="Desk and Recruitment Officer",
        )
        cls.desk.user_ids |= cls.desk_recruiter
        cls.team = cls.env.ref("health_recruitment.crm_team_recruitment")
        cls.team.member_ids |= cls.desk_recruiter
        Measure = cls.env["health.toolbox.measure"]
        cls.measures = Measure.search([], limit=2)
        cls.ticket = cls._ticket_for(cls, cls.measures[:1])

    def _ticket_for(self, measures):
        return self.env["helpdesk.ticket"].create(
            {
                "name": "I want to settle",
                "description": "<p>Help</p>",
                "category_id": self.cat_admin.id,
                "partner_name": "Ines Intern",
                "partner_email": "ines.intern@example.org",
                "health_requester_kind": "intern",
                "health_territory_id": self.commune_a1.id,
                "health_measure_ids": [(6, 0, measures.ids)],
            }
        )

    def _candidacies(self, partner):
        return self.env["crm.lead"].search(
            [("partner_id", "=", partner.id), ("health_is_recruitment", "=", True)]
        )

    def test_open_then_update_candidacy(self):
        action = self.ticket.with_user(self.desk_recruiter).action_health_desk_candidacy()
        lead = self._candidacies(self.ticket.partner_id)
        self.assertEqual(len(lead), 1)
        self.assertEqual(action["res_id"], lead.id)
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.health_candidate_type, tools.ROLE_INTERN)
        self.assertEqual(lead.ticket_id, self.ticket)
        self.assertEqual(lead.health_target_territory_ids, self.commune_a1)
        self.assertEqual(lead.health_measure_line_ids.measure_id, self.measures[:1])
        # a second request asking for more: the same candidacy gets the new measure
        second = self._ticket_for(self.measures)
        self.assertEqual(second.partner_id, self.ticket.partner_id)
        second.with_user(self.desk_recruiter).action_health_desk_candidacy()
        self.assertEqual(self._candidacies(self.ticket.partner_id), lead)
        self.assertEqual(lead.health_measure_line_ids.measure_id, self.measures)
        self.assertEqual(len(lead.health_measure_line_ids), len(self.measures))
        self.assertEqual(lead.with_user(self.desk_recruiter).health_desk_ticket_count, 2)

    def test_desk_officer_hands_over(self):
        """A desk officer without recruitment rights hands the candidacy over."""
        action = self.ticket.with_user(self.desk_officer).action_health_desk_candidacy()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(len(self._candidacies(self.ticket.partner_id)), 1)

    def test_rights(self):
        with self.assertRaises(UserError):
            self.ticket.with_user(self.user_officer).action_health_desk_candidacy()
        self.assertFalse(self._candidacies(self.ticket.partner_id))

    def test_anonymised_candidate_requests(self):
        self.ticket.with_user(self.desk_recruiter).action_health_desk_candidacy()
        self.ticket.partner_id._health_anonymize()
        self.assertTrue(self.ticket.health_anonymized)
        self.assertFalse(self.ticket.partner_email)
