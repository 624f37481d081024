from odoo.addons.health_base.tests.common import make_rpps
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestCandidacyRpps(RecruitmentCommon):
    """The RPPS number of a candidacy is checked like a contact's and
    follows the candidacy to its contact."""

    def _web_candidacy(self, rpps, **values):
        return (
            self.env["crm.lead"]
            .with_user(self.officer)
            .create(
                dict(
                    {
                        "name": "Form from the website",
                        "type": "opportunity",
                        "team_id": self.team.id,
                        "contact_name": "Lucie Martin",
                        "health_rpps": rpps,
                    },
                    **values,
                )
            )
        )

    def test_invalid_numbers_are_refused(self):
        Lead = self.env["crm.lead"].with_user(self.officer)
        count = Lead.search_count([])
        for bad in ("1012345678A", "123", make_rpps(3)[:-1] + "0"):
            with self.assertRaises(ValidationError) as caught:
                self._web_candidacy(bad)
            self.assertIn("RPPS", str(caught.exception))
        self.assertEqual(Lead.search_count([]), count)
        with self.assertRaises(ValidationError):
            self.lead.with_user(self.officer).write({"health_rpps": "ABCDEFGHIJK"})
        self.assertFalse(self.lead.health_rpps)

    def test_spaces_are_removed(self):
        rpps = make_rpps(11)
        lead = self._web_candidacy(f" {rpps[:3]} {rpps[3:7]} {rpps[7:]} ")
        self.assertEqual(lead.health_rpps, rpps)
        lead.write({"health_rpps": f"{rpps[:6]}  {rpps[6:]}"})
        self.assertEqual(lead.health_rpps, rpps)

    def test_new_contact_gets_the_number(self):
        rpps = make_rpps(12)
        lead = self._web_candidacy(rpps)
        lead._handle_partner_assignment(create_missing=True)
        self.assertEqual(lead.partner_id.name, "Lucie Martin")
        self.assertEqual(lead.partner_id.health_rpps, rpps)
        self.assertEqual(lead.health_rpps, rpps)

    def test_contact_without_number_gets_it(self):
        rpps = make_rpps(13)
        lead = self._web_candidacy(rpps)
        self.assertFalse(self.candidate.health_rpps)
        lead._handle_partner_assignment(force_partner_id=self.candidate.id)
        self.assertEqual(self.candidate.health_rpps, rpps)
        # given with the contact at creation too
        partner = self.env["res.partner"].create({"name": "Paul Nouveau"})
        other = self._web_candidacy(make_rpps(14), partner_id=partner.id)
        self.assertEqual(partner.health_rpps, other.health_rpps)

    def test_contact_with_another_number(self):
        """Two numbers: the wrong contact or a typo; the user decides."""
        self.candidate.health_rpps = make_rpps(15)
        lead = self._web_candidacy(make_rpps(16))
        with self.assertRaises(UserError) as caught:
            lead._handle_partner_assignment(force_partner_id=self.candidate.id)
        self.assertIn(make_rpps(15), str(caught.exception))
        self.assertIn(make_rpps(16), str(caught.exception))
        self.assertFalse(lead.partner_id)
        self.assertEqual(lead.health_rpps, make_rpps(16))
        self.assertEqual(self.candidate.health_rpps, make_rpps(15))
        with self.assertRaises(UserError):
            self.lead.with_user(self.officer).write({"health_rpps": make_rpps(16)})
        self.assertEqual(self.lead.health_rpps, make_rpps(15))
        # the same number: nothing to decide
        lead.health_rpps = make_rpps(15)
        lead._handle_partner_assignment(force_partner_id=self.candidate.id)
        self.assertEqual(lead.partner_id, self.candidate)

    def test_number_of_another_contact(self):
        self.candidate.health_rpps = make_rpps(17)
        lead = self._web_candidacy(make_rpps(17))
        with self.assertRaises(ValidationError) as caught:
            lead._handle_partner_assignment(create_missing=True)
        self.assertIn("Marie Dupont", str(caught.exception))
        self.assertFalse(lead.partner_id)
