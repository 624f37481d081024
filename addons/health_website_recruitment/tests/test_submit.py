from datetime import date

from odoo.addons.health_base.tests.common import make_rpps
from odoo.tests import freeze_time, tagged

from .common import WebsiteRecruitmentCommon


@tagged("post_install", "-at_install")
class TestSubmit(WebsiteRecruitmentCommon):
    @freeze_time("2027-03-10 09:00:00")
    def test_application_becomes_a_candidacy(self):
        lead = self._apply()
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.user_id, self.officer)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.stage_id, self.stage_contact)
        self.assertEqual(lead.health_candidate_type, "intern")
        self.assertEqual(lead.health_website_opportunity_ids, self.opportunity)
        self.assertEqual(lead.health_target_territory_ids, self.epci_b | self.commune_a1)
        self.assertEqual(lead.health_practice_mode, "group")
        # UTM: existing campaign and source, unknown medium not created
        self.assertEqual(lead.campaign_id, self.campaign)
        self.assertEqual(lead.source_id, self.source_congress)
        self.assertEqual(lead.medium_id, self.env.ref("utm.utm_medium_website"))
        self.assertFalse(self.env["utm.medium"].search([("name", "=", "qr-code-inconnu")]))
        # measures asked for, household needs
        self.assertEqual(
            lead.health_measure_line_ids.measure_id, self.measure_fa1 | self.measure_fa2
        )
        self.assertEqual(set(lead.health_measure_line_ids.mapped("state")), {"proposed"})
        self.assertEqual(
            sorted(lead.health_household_line_ids.mapped("need_type")),
            ["childcare", "housing", "schooling", "spouse_job"],
        )
        # the person, their consent (text and date)
        partner = lead.partner_id.sudo()
        self.assertEqual(partner.email, "jeanne.martin@example.fr")
        self.assertEqual(partner.lang, "fr_FR")
        self.assertEqual(partner.health_consent_date, date(2027, 3, 10))
        self.assertEqual(partner.health_consent_channel, "form")
        self.assertEqual(partner.health_consent_text, self.Application._health_consent_text())
        self.assertIn("conserve", partner.health_consent_text)
        # the acknowledgement, in French
        mail = self.env["mail.mail"].search(
            [("model", "=", "crm.lead"), ("res_id", "=", lead.id)], limit=1
        )
        self.assertIn(partner, mail.recipient_ids)
        self.assertEqual(mail.subject, "Votre candidature a bien été reçue")

    def test_team_without_officer_still_receives_the_application(self):
        """A team with no leader and no member (a new database): the
        application goes to the opportunity's contact, else the
        administrator, and is never lost."""
        self.team.write({"user_id": False, "member_ids": [(5, 0, 0)]})
        lead = self._apply()
        self.assertEqual(lead.user_id, self.officer)
        self.opportunity.user_id = False
        other = self._apply(
            email="paul.durand@example.fr", name="Paul Durand", address="192.0.2.21"
        )
        self.assertEqual(other.user_id, self.env.ref("base.user_admin"))
        self.assertEqual(other.team_id, self.team)

    def test_duplicates_update_the_candidacy(self):
        first = self._apply(rpps=self.rpps)
        partner = first.partner_id
        # same RPPS, another e-mail: the same person and candidacy
        second = self._apply(
            rpps=self.rpps, email="j.martin@hopital.example", measure_ids=[str(self.measure_fa1.id)]
        )
        self.assertEqual(second, first)
        self.assertEqual(len(first.health_measure_line_ids), 2)
        # same e-mail, no RPPS
        self.assertEqual(self._apply(name="J. Martin").partner_id, partner)
        # same name and birth date, other e-mail
        partner.sudo().health_birthdate = date(1996, 5, 4)
        third = self._apply(email="autre@example.fr", birthdate="1996-05-04", name="MARTIN Jeanne")
        self.assertEqual(third.partner_id, partner)
        leads = self.env["crm.lead"].search([("partner_id", "=", partner.id)])
        self.assertEqual(leads, first)
        # an e-mail shared with a contact holding another RPPS: another person
        other = self._apply(rpps="", email="jeanne.martin@example.fr", name="Autre Personne")
        self.assertEqual(other.partner_id, partner)
        stranger = self._apply(
            rpps=make_rpps(4343), email="jeanne.martin@example.fr", name="Homonyme"
        )
        self.assertNotEqual(stranger.partner_id, partner)

    def test_closed_candidacy_gives_a_new_episode(self):
        first = self._apply()
        first.action_set_lost()
        second = self._apply()
        self.assertNotEqual(second, first)
        self.assertEqual(second.partner_id, first.partner_id)

    def test_bad_input_writes_nothing(self):
        Lead = self.env["crm.lead"].with_context(active_test=False)
        leads = Lead.search_count([])
        partners = self.env["res.partner"].search_count([])
        for bad in (
            {"consent": ""},
            {"email": "x@"},
            {"measure_ids": ["999999999"]},
            {"website_confirm": "bot"},
        ):
            with self.subTest(bad=bad):
                record, _values, errors = self.Application._health_process(
                    self._params(**bad), "192.0.2.30"
                )
                self.assertFalse(record)
                self.assertTrue(errors)
        self.assertEqual(Lead.search_count([]), leads)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_installation_fills_the_opportunity(self):
        lead = self._apply()
        practice = self.env["res.partner"].create({"name": "Cabinet Alpha", "is_company": True})
        lead.with_user(self.officer).write(
            {
                "health_installation_date": "2027-09-01",
                "health_installation_territory_id": self.commune_b1.id,
                "health_installation_practice_id": practice.id,
                "stage_id": self.stage_installed.id,
            }
        )
        # installed elsewhere: the opportunity stays open
        self.assertEqual(self.opportunity.state, "published")
        lead2 = self._apply(email="paul@example.fr", name="Paul Durand")
        lead2.with_user(self.officer).write(
            {
                "health_installation_date": "2027-09-01",
                "health_installation_territory_id": self.commune_a1.id,
                "health_installation_practice_id": practice.id,
                "stage_id": self.stage_installed.id,
            }
        )
        self.assertEqual(self.opportunity.state, "filled")

    def test_officer_sees_applications(self):
        lead = self._apply()
        opportunity = self.opportunity.with_user(self.officer)
        self.assertEqual(opportunity.application_count, 1)
        action = opportunity.action_view_applications()
        self.assertEqual(
            self.env["crm.lead"].with_user(self.officer).search(action["domain"]), lead
        )
        self.assertEqual(self.opportunity.with_user(self.other_officer).application_count, 0)
