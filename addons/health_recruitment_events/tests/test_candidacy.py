from odoo.addons.health_base import tools
from odoo.tests import tagged

from .common import RecruitmentEventsCommon


@tagged("post_install", "-at_install")
class TestCandidacyFromAttendance(RecruitmentEventsCommon):
    def test_template_flag_default(self):
        self.assertTrue(self.event_type.health_create_candidacy)
        other = self.env["event.type"].create({"name": "Conference"})
        self.assertFalse(other.health_create_candidacy)

    def _warm_up(self):
        """Mark one attendance first so that the caches are filled."""
        warm = self._register(self.interns[5:]).with_user(self.organiser)
        warm.action_health_mark_attended()
        self.env.invalidate_all()

    def _queries_of_attendance(self, registrations):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        registrations.action_health_mark_attended()
        return self.cr.sql_log_count - start

    def test_attendance_creates_candidacies_in_batch_once(self):
        registrations = self._register(self.interns[:5]).with_user(self.organiser)
        # one search, one create and one batch of notes for the whole batch
        # (the scaling is pinned by test_batch_scales)
        registrations.action_health_mark_attended()
        leads = self._candidacies(self.interns[:5])
        self.assertEqual(len(leads), 5)
        self.assertEqual(leads.partner_id, self.interns[:5])
        for lead in leads:
            self.assertEqual(lead.type, "opportunity")
            self.assertEqual(lead.team_id, self.team)
            self.assertEqual(lead.stage_id, self.first_stage)
            self.assertEqual(lead.health_candidate_type, tools.ROLE_INTERN)
            self.assertEqual(lead.health_semester_id, self.semester)
            self.assertEqual(lead.health_target_territory_ids, self.epci)
            self.assertEqual(lead.source_id, self.source)
            self.assertIn("Soirée des internes de mai", lead.message_ids[0].body)
        # the organiser does not follow candidacies they cannot read
        self.assertNotIn(self.organiser.partner_id, leads.message_partner_ids)
        # marking again, or attending another evening, creates nothing new
        registrations.action_health_mark_attended()
        second = self._make_event("Soirée de rattrapage", territory=self.epci_other)
        self._register(self.interns[:1], event=second).with_user(
            self.organiser
        ).action_health_mark_attended()
        self.assertEqual(self._candidacies(self.interns[:5]), leads)
        lead = leads.filtered(lambda lead: lead.partner_id == self.interns[0])
        self.assertIn("Soirée de rattrapage", lead.message_ids[0].body)

    def test_batch_scales(self):
        """Twice as many attendances cost one more query per new candidacy
        only: Odoo's ORM updates the contact's opportunities lead by lead."""
        other = self._make_event("Autre soirée", territory=self.epci_other)
        small = self._register(self.interns[:2]).with_user(self.organiser)
        # three new candidacies and a note, against two new candidacies
        large = self._register(self.interns[2:5] | self.interns[:1], event=other)
        large = large.with_user(self.organiser)
        self._warm_up()
        small_count = self._queries_of_attendance(small)
        large_count = self._queries_of_attendance(large)
        self.assertLessEqual(large_count - small_count, 1)
        self.assertEqual(len(self._candidacies(self.interns)), 6)

    def test_existing_candidacy_gets_a_note(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Candidature existante",
                "type": "opportunity",
                "partner_id": self.interns[0].id,
                "team_id": self.team.id,
                "health_candidate_type": tools.ROLE_INTERN,
            }
        )
        messages = lead.message_ids
        self._register(self.interns[:1]).with_user(self.organiser).action_health_mark_attended()
        self.assertEqual(self._candidacies(self.interns[:1]), lead)
        note = lead.message_ids - messages
        self.assertEqual(len(note), 1)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertIn("Soirée des internes de mai", note.body)

    def test_lost_candidacy_is_not_open(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Ancienne candidature",
                "type": "opportunity",
                "partner_id": self.interns[0].id,
                "team_id": self.team.id,
                "health_candidate_type": tools.ROLE_INTERN,
            }
        )
        lead.action_archive()
        self._register(self.interns[:1]).with_user(self.organiser).action_health_mark_attended()
        new = self._candidacies(self.interns[:1])
        self.assertEqual(len(new), 1)
        self.assertNotEqual(new, lead)

    def test_flag_off_creates_nothing(self):
        self.event_type.health_create_candidacy = False
        registrations = self._register(self.interns[:2])
        registrations.with_user(self.organiser).action_health_mark_attended()
        self.assertFalse(self._candidacies(self.interns[:2]))

    def test_only_interns_and_attendance(self):
        registrations = self._register(self.interns[:1] | self.msu)
        self.assertFalse(self._candidacies(self.interns[:1] | self.msu))
        registrations.with_user(self.organiser).action_health_mark_attended()
        self.assertEqual(self._candidacies(self.interns[:1] | self.msu).partner_id, self.interns[0])

    def test_invited_intern_without_role(self):
        """The invitation category says intern even when the contact lacks the role."""
        partner = self.env["res.partner"].create({"name": "Interne sans rôle"})
        invitation = self.env["health.event.invitation"].create(
            {"event_id": self.event.id, "partner_id": partner.id, "category": tools.ROLE_INTERN}
        )
        invitation.with_user(self.organiser).action_register()
        invitation.registration_id.with_user(self.organiser).action_health_mark_attended()
        self.assertEqual(len(self._candidacies(partner)), 1)
        self.assertTrue(invitation.health_attended)

    def test_registration_created_attended(self):
        self.env["event.registration"].create(
            {"event_id": self.event.id, "partner_id": self.interns[0].id, "state": "done"}
        )
        self.assertEqual(len(self._candidacies(self.interns[:1])), 1)

    def test_counts_and_links(self):
        invitations = self.env["health.event.invitation"].create(
            [
                {"event_id": self.event.id, "partner_id": partner.id, "category": tools.ROLE_INTERN}
                for partner in self.interns[:3]
            ]
        )
        invitations.action_register()
        invitations[:2].registration_id.action_health_mark_attended()
        second = self._make_event("Soirée de rattrapage", territory=self.epci_other)
        self.env["health.event.invitation"].create(
            {"event_id": second.id, "partner_id": self.interns[0].id, "category": tools.ROLE_INTERN}
        )
        leads = self._candidacies(self.interns[:3])
        self.assertEqual(len(leads), 2)
        leads = leads.with_user(self.officer)
        self.env.invalidate_all()
        leads.mapped("health_evening_invited_count")  # warm-up of the access checks
        self.env["crm.lead"].invalidate_model()
        with self.assertQueryCount(2):
            counts = {
                lead.partner_id.id: (
                    lead.health_evening_invited_count,
                    lead.health_evening_attended_count,
                )
                for lead in leads
            }
        self.assertEqual(counts, {self.interns[0].id: (2, 1), self.interns[1].id: (1, 1)})
        lead = leads.filtered(lambda lead: lead.partner_id == self.interns[0])
        registration = invitations[0].registration_id.with_user(self.officer_organiser)
        self.assertEqual(registration.health_candidacy_id, lead)
        self.assertEqual(invitations[0].with_user(self.officer_organiser).health_candidacy_id, lead)
        self.assertFalse(invitations[2].with_user(self.officer_organiser).health_candidacy_id)
        action = lead.with_user(self.officer_organiser).action_health_view_welcome_evenings()
        self.assertEqual(
            self.env["health.event.invitation"].search(action["domain"]).event_id,
            self.event | second,
        )
