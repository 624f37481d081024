from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.addons.health_base import tools
from odoo.addons.health_base.tests.common import make_rpps
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RecruitmentCommon

TODAY = date(2026, 11, 25)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-25")
class TestGdpr(RecruitmentCommon):
    def _candidate(self, name, last_contact, **lead_values):
        partner = self.env["res.partner"].create(
            {
                "name": name,
                "email": f"{name.lower().replace(' ', '.')}@example.org",
                "phone": "+33 6 99 88 77 66",
                "health_birthdate": date(1990, 5, 4),
                "health_last_contact_date": last_contact,
                "health_consent_text": "I agree.",
            }
        )
        lead = self._make_lead(partner, **lead_values)
        return partner, lead

    def _expired(self):
        return (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search(self.env["res.partner"]._health_expired_candidates_domain(TODAY))
        )

    def test_retention_clock(self):
        old_prospect, _lead = self._candidate("Old Prospect", TODAY - relativedelta(years=4))
        recent_prospect, _lead = self._candidate(
            "Recent Prospect", TODAY - relativedelta(years=2, months=6)
        )
        lost, lost_lead = self._candidate(
            "Lost Candidate", TODAY - relativedelta(years=2, months=6)
        )
        lost_lead.action_set_lost()
        installed, installed_lead = self._candidate(
            "Installed Doctor", TODAY - relativedelta(years=5), health_practice_mode="msp"
        )
        installed_lead.write(dict(self._installation_values(), stage_id=self.stage_installed.id))
        expired = self._expired()
        self.assertIn(old_prospect, expired)
        self.assertIn(lost, expired)
        self.assertNotIn(recent_prospect, expired)
        self.assertNotIn(installed, expired)
        self.assertNotIn(self.candidate, expired)
        # the periods are system parameters
        self.env["ir.config_parameter"].set_param("health_recruitment.retention_prospect_years", 5)
        self.env["ir.config_parameter"].set_param("health_recruitment.retention_lost_years", 3)
        expired = self._expired()
        self.assertNotIn(old_prospect, expired)
        self.assertNotIn(lost, expired)
        # a wrong value is not a reason to erase everyone (nor to stop the cron)
        self.env["ir.config_parameter"].set_param(
            "health_recruitment.retention_prospect_years", "0"
        )
        self.env["ir.config_parameter"].set_param("health_recruitment.retention_lost_years", "two")
        self.assertEqual(self.env["res.partner"]._health_retention_years(), (1, 2))
        expired = self._expired()
        self.assertIn(old_prospect, expired)
        self.assertIn(lost, expired)

    def test_new_candidacy_starts_the_clock(self):
        self.assertEqual(self.candidate.health_last_contact_date, TODAY)
        # or at the reference date given by the caller (an import of old files)
        partner = self.env["res.partner"].create({"name": "Ancienne Fiche"})
        lead = (
            self.env["crm.lead"]
            .with_context(date="2025-03-01")
            .create(
                {
                    "name": "Old file",
                    "type": "opportunity",
                    "team_id": self.team.id,
                    "partner_id": partner.id,
                }
            )
        )
        self.assertEqual(lead.partner_id.health_last_contact_date, date(2025, 3, 1))

    def test_message_from_the_candidate_restarts_the_clock(self):
        partner, lead = self._candidate("Ancien Contact", TODAY - relativedelta(years=4))
        lead.message_post(body="A note of the officer")
        self.assertEqual(partner.health_last_contact_date, TODAY - relativedelta(years=4))
        lead.message_post(body="I am still interested", author_id=partner.id, message_type="email")
        self.assertEqual(partner.health_last_contact_date, TODAY)
        self.assertNotIn(partner, self._expired())

    def test_users_and_organisations_are_never_anonymised(self):
        partner, _lead = self._candidate("Colleague", TODAY - relativedelta(years=4))
        self.assertIn(partner, self._expired())
        self.env["res.users"].create(
            {"login": "colleague", "partner_id": partner.id, "name": partner.name}
        )
        self.assertNotIn(partner, self._expired())

    def test_anonymisation_keeps_statistics_and_removes_identity(self):
        partner, lead = self._candidate(
            "Jeanne Oubli", TODAY - relativedelta(years=4), health_practice_mode="solo"
        )
        partner.health_rpps = make_rpps(7)
        lead.write({"health_outcome": "left", "description": "Met at the congress"})
        self.env["health.recruitment.household.line"].create(
            {
                "lead_id": lead.id,
                "member_type": "child",
                "member_name": "Zoé",
                "need_type": "schooling",
            }
        )
        measure_line = self.env["health.recruitment.measure.line"].create(
            {"lead_id": lead.id, "measure_id": self.measure.id, "cost": 250, "note": "For Jeanne"}
        )
        lead.message_post(body="Called Jeanne about her project")
        self.env["ir.attachment"].create(
            {"name": "cv.pdf", "res_model": "crm.lead", "res_id": lead.id, "raw": b"CV"}
        )
        visit = self.env["calendar.event"].create(
            {
                "name": "Visit with Jeanne Oubli",
                "opportunity_id": lead.id,
                "health_is_visit": True,
                "partner_ids": [(6, 0, partner.ids)],
                "start": "2026-01-10 09:00:00",
                "stop": "2026-01-10 12:00:00",
            }
        )
        anonymised = self.env["res.partner"]._cron_health_anonymize_expired()
        self.assertIn(partner, anonymised)
        self.assertNotIn(self.candidate, anonymised)
        # identity removed
        self.assertNotIn("Jeanne", partner.name)
        self.assertFalse(partner.email or partner.phone or partner.health_birthdate)
        self.assertFalse(partner.health_rpps or partner.health_consent_text)
        self.assertFalse(partner.active)
        self.assertTrue(partner.health_anonymized)
        self.assertNotIn("Jeanne", lead.name)
        self.assertFalse(lead.email_from or lead.phone or lead.description or lead.health_rpps)
        self.assertFalse(lead.health_household_line_ids)
        self.assertFalse(measure_line.note)
        self.assertFalse(
            self.env["mail.message"].search([("model", "=", "crm.lead"), ("res_id", "=", lead.id)])
        )
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)]
            )
        )
        self.assertNotIn("Jeanne", visit.name)
        self.assertNotIn(partner, visit.partner_ids)
        # statistics kept
        self.assertEqual(lead.health_candidate_type, tools.ROLE_INTERN)
        self.assertEqual(lead.source_id, self.source)
        self.assertEqual(lead.health_semester_id, self.semester)
        self.assertEqual(lead.health_target_territory_ids, self.commune)
        self.assertEqual(lead.health_outcome, "left")
        self.assertEqual(lead.health_practice_mode, "solo")
        self.assertEqual(lead.stage_id, self.stage_contact)
        self.assertEqual(lead.health_measure_cost, 250)
        self.assertTrue(lead.health_anonymized)
        # and the candidate's statistics are still counted
        self.assertEqual(
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search_count(
                [
                    ("health_semester_id", "=", self.semester.id),
                    ("health_candidate_type", "=", tools.ROLE_INTERN),
                ]
            ),
            2,
        )
        # anonymised once only
        self.assertNotIn(partner, self.env["res.partner"]._cron_health_anonymize_expired())

    def test_anonymise_on_request(self):
        partner, lead = self._candidate("Droit Oubli", TODAY)
        with self.assertRaises(UserError):
            partner.with_user(self.officer).action_health_anonymize()
        self.assertEqual(partner.name, "Droit Oubli")
        with self.assertRaises(UserError):
            (partner | self.practice).with_user(self.manager).action_health_anonymize()
        self.assertFalse(partner.health_anonymized)
        partner.with_user(self.manager).action_health_anonymize()
        self.assertTrue(partner.health_anonymized)
        self.assertTrue(lead.health_anonymized)
        self.assertEqual(lead.health_candidate_type, tools.ROLE_INTERN)

    def test_anonymisation_is_a_batch(self):
        def make(count):
            partners = self.env["res.partner"].create(
                [
                    {
                        "name": f"Batch {count} {i}",
                        "email": f"b{count}.{i}@example.org",
                        "health_birthdate": date(1990, 1, 1),
                        "health_last_contact_date": date(2020, 1, 1),
                    }
                    for i in range(count)
                ]
            )
            self.env["crm.lead"].create(
                [
                    {
                        "name": f"Batch {p.name}",
                        "type": "opportunity",
                        "team_id": self.team.id,
                        "partner_id": p.id,
                        "health_household_line_ids": [
                            (0, 0, {"member_type": "spouse", "need_type": "housing"})
                        ],
                    }
                    for p in partners
                ]
            )
            return partners

        def anonymise(partners):
            partners._health_anonymize()
            return partners

        self.assertQueryCountSame(make, anonymise, n=5)
        partners = anonymise(make(3))
        self.assertTrue(all(partners.mapped("health_anonymized")))
        self.assertFalse(
            partners.with_context(active_test=False).health_candidacy_ids.mapped(
                "health_household_line_ids"
            )
        )
