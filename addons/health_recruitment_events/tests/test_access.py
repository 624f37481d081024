from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RecruitmentEventsCommon


@tagged("post_install", "-at_install")
class TestAccess(RecruitmentEventsCommon):
    def test_organiser_feeds_but_cannot_read_candidacies(self):
        registration = self._register(self.interns[:1]).with_user(self.organiser)
        registration.action_health_mark_attended()
        lead = self._candidacies(self.interns[:1])
        self.assertEqual(len(lead), 1)
        with self.assertRaises(AccessError):
            lead.with_user(self.organiser).read(["name"])
        # the link to the candidacy is a recruitment field
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            registration.read(["health_candidacy_id"])
        self.assertNotIn("health_candidacy_id", registration.fields_get())
        invitation = self.env["health.event.invitation"].with_user(self.organiser)
        self.assertNotIn("health_candidacy_id", invitation.fields_get())

    def test_officer_reads_counts_not_registrations(self):
        self._register(self.interns[:1]).with_user(self.organiser).action_health_mark_attended()
        lead = self._candidacies(self.interns[:1]).with_user(self.officer)
        self.assertEqual(lead.name, "Candidacy of Interne Glue 0")
        self.assertEqual(lead.health_evening_invited_count, 0)
        with self.assertRaises(AccessError):
            self.env["event.registration"].with_user(self.officer).search([]).read(["name"])
        lead_form = lead.get_views([(False, "form")])["views"]["form"]["arch"]
        # the button opens invitations: it needs the organisers' group as well
        self.assertNotIn("action_health_view_welcome_evenings", lead_form)
        self.assertNotIn("health_evening_attended_count", lead_form)

    def test_officer_of_another_team_sees_no_link(self):
        other = self.env["crm.team"].create(
            {"name": "Autre équipe", "health_is_recruitment": True, "use_opportunities": True}
        )
        self.team.member_ids = [(3, self.officer_organiser.id)]
        other.member_ids = [(4, self.officer_organiser.id)]
        registration = self._register(self.interns[:1])
        registration.with_user(self.organiser).action_health_mark_attended()
        self.assertEqual(len(self._candidacies(self.interns[:1])), 1)
        self.env.invalidate_all()
        self.assertFalse(registration.with_user(self.officer_organiser).health_candidacy_id)

    def test_both_sides_see_the_button(self):
        lead_form = (
            self.env["crm.lead"]
            .with_user(self.officer_organiser)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("action_health_view_welcome_evenings", lead_form)
        self.assertIn("health_evening_attended_count", lead_form)
