from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestCandidateData(RecruitmentCommon):
    """Birth date, last contact and consent follow the rule of the
    candidacies: the officers of the teams following the person read and
    change them, the recruitment managers all of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.elsewhere = cls.env["res.partner"].create(
            {
                "name": "Paul Ailleurs",
                "health_birthdate": date(1990, 6, 1),
                "health_consent_date": date(2026, 1, 5),
                "health_consent_channel": "email",
                "health_consent_text": "I agree.",
            }
        )
        cls._make_lead(cls.elsewhere, team=cls.other_team)
        cls.candidate.write(
            {"health_consent_date": date(2026, 2, 1), "health_consent_channel": "form"}
        )

    def test_officer_reads_and_changes_their_candidate(self):
        partner = self.candidate.with_user(self.officer)
        self.assertTrue(partner.health_candidate_data_access)
        self.assertEqual(partner.health_candidate_birthdate, date(1994, 3, 12))
        self.assertEqual(partner.health_candidate_consent_channel, "form")
        partner.write(
            {
                "health_candidate_consent_text": "Keep my file.",
                "health_candidate_birthdate": "1994-03-13",
            }
        )
        self.assertEqual(self.candidate.health_consent_text, "Keep my file.")
        self.assertEqual(self.candidate.health_birthdate, date(1994, 3, 13))
        self.assertEqual(self.candidate.health_consent_date, date(2026, 2, 1))
        found = (
            self.env["res.partner"]
            .with_user(self.officer)
            .search([("health_candidate_birthdate", "=", date(1994, 3, 13))])
        )
        self.assertEqual(found, self.candidate)

    def test_officer_of_another_team_does_not(self):
        partner = self.elsewhere.with_user(self.officer)
        self.assertFalse(partner.health_candidate_data_access)
        values = partner.read(
            [
                "health_candidate_birthdate",
                "health_candidate_consent_date",
                "health_candidate_consent_channel",
                "health_candidate_consent_text",
                "health_candidate_last_contact_date",
            ]
        )[0]
        self.assertFalse(any(value for key, value in values.items() if key != "id"))
        with self.assertRaises(AccessError):
            partner.read(["health_birthdate"])
        with self.assertRaises(AccessError):
            partner.write({"health_candidate_consent_text": "Overwritten"})
        self.assertEqual(self.elsewhere.health_consent_text, "I agree.")
        with self.assertRaises(AccessError):
            partner.write({"health_consent_text": "Overwritten"})
        found = (
            self.env["res.partner"]
            .with_user(self.officer)
            .search([("health_candidate_birthdate", "=", date(1990, 6, 1))])
        )
        self.assertFalse(found)
        # the officer who follows them does
        self.assertEqual(
            self.elsewhere.with_user(self.other_officer).health_candidate_consent_text, "I agree."
        )

    def test_contact_duplicated_without_the_personal_data(self):
        """Anyone who may create contacts duplicates one (Odoo's own flows do,
        e.g. accounting), and the copy does not carry the person's data."""
        employee = new_test_user(
            self.env, login="rc_copy_employee", groups="base.group_user,base.group_partner_manager"
        )
        copy = self.elsewhere.with_user(employee).copy()
        self.assertFalse(copy.sudo().health_birthdate or copy.sudo().health_consent_text)
        self.assertEqual(self.elsewhere.health_birthdate, date(1990, 6, 1))

    def test_manager_reads_all(self):
        partners = (self.candidate | self.elsewhere).with_user(self.manager)
        self.assertEqual(
            partners.mapped("health_candidate_birthdate"), [date(1994, 3, 12), date(1990, 6, 1)]
        )
        self.assertEqual(partners.mapped("health_birthdate"), [date(1994, 3, 12), date(1990, 6, 1)])
        partners[1].health_candidate_consent_channel = "phone"
        self.assertEqual(self.elsewhere.health_consent_channel, "phone")

    def test_new_candidate_recorded_before_the_candidacy(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.officer)
            .create({"name": "Nouvelle Recrue", "health_candidate_birthdate": "1996-07-01"})
        )
        self.assertEqual(partner.sudo().health_birthdate, date(1996, 7, 1))
        self.assertEqual(partner.health_candidate_birthdate, date(1996, 7, 1))
        self.assertFalse(partner.with_user(self.other_officer).health_candidate_birthdate)
        # once another team follows the person, their officers only
        self._make_lead(partner, team=self.other_team)
        partner.invalidate_recordset()
        self.assertFalse(partner.health_candidate_data_access)
        self.assertEqual(
            partner.with_user(self.other_officer).health_candidate_birthdate, date(1996, 7, 1)
        )

    def test_duplicates_by_birth_date_still_found_by_officers(self):
        twin = (
            self.env["res.partner"]
            .with_user(self.officer)
            .create({"name": "DUPONT Marie", "health_candidate_birthdate": "1994-03-12"})
        )
        lead = (
            self.env["crm.lead"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Twin",
                    "type": "opportunity",
                    "team_id": self.team.id,
                    "partner_id": twin.id,
                }
            )
        )
        self.assertIn(self.lead, lead.duplicate_lead_ids)

    def test_access_is_computed_in_batch(self):
        def count(partners):
            partners.invalidate_recordset()
            before = self.cr.sql_log_count
            partners.mapped("health_candidate_birthdate")
            return self.cr.sql_log_count - before

        partners = self.env["res.partner"].create(
            [{"name": f"Batch {i}", "health_birthdate": date(1990, 1, 1)} for i in range(12)]
        )
        for partner in partners[:6]:
            self._make_lead(partner)
        partners = partners.with_user(self.officer)
        count(partners[:2])  # warm the caches of the rules
        self.assertEqual(count(partners[:2] | partners[6:7]), count(partners))
