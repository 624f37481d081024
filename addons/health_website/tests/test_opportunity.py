from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common import WebsiteCommon


@tagged("post_install", "-at_install")
class TestOpportunity(WebsiteCommon):
    # ------------------------------------------------------------ publication
    @freeze_time("2027-03-01")
    def test_publish_records_the_date(self):
        opportunity = self.opp_draft.with_user(self.web_officer)
        opportunity.write({"summary": "Un centre", "description": "<p>Un centre.</p>"})
        opportunity.action_publish()
        self.assertEqual(opportunity.state, "published")
        self.assertEqual(str(opportunity.date_published), "2027-03-01")

    def test_publish_needs_summary_and_description(self):
        with self.assertRaises(UserError):
            self.opp_draft.with_user(self.web_officer).action_publish()
        self.assertEqual(self.opp_draft.state, "draft")

    def test_refused_transitions(self):
        with self.assertRaises(UserError):
            self.opp_draft.action_fill()
        self.opp_published.action_fill()
        self.assertEqual(self.opp_published.state, "filled")
        with self.assertRaises(UserError):
            self.opp_published.action_publish()
        self.opp_published.action_draft()
        self.assertEqual(self.opp_published.state, "draft")

    def test_commune_and_retirement_date(self):
        with self.assertRaises(ValidationError):
            self.Opportunity.create(
                {
                    "name": "Dans une EPCI",
                    "territory_id": self.epci_a.id,
                    "practice_mode": "solo",
                }
            )
        with self.assertRaises(ValidationError):
            self.opp_beta.retirement_date = "2028-01-01"

    def test_zoning_aids(self):
        self.assertEqual(self.opp_published.zoning, "zip")
        aids = self.opp_published._health_zoning_aids()
        self.assertTrue(any("CAIM" in aid for aid in aids))
        self.assertEqual(len(self.opp_beta._health_zoning_aids()), 1)

    # ------------------------------------------------------------ bad input
    def test_bad_input_as_officer(self):
        Opportunity = self.Opportunity.with_user(self.web_officer)
        count = self.Opportunity.search_count([])
        base = {
            "name": "Poste",
            "territory_id": self.commune_a1.id,
            "practice_mode": "solo",
            "user_id": self.web_officer.id,
        }
        for bad in (
            {"start_date": "31/12/2026"},
            {"territory_id": 999999999},
            {"name": "x" * 10000},
            {"opportunity_type": "permanent"},
            {"summary": "x" * 301},
        ):
            with self.subTest(bad=bad), self.assertRaises(ValidationError):
                Opportunity.create({**base, **bad})
        self.assertEqual(self.Opportunity.search_count([]), count)
        with self.assertRaises(ValidationError):
            self.opp_published.with_user(self.web_officer).write({"start_date": "demain"})
        self.assertFalse(self.opp_published.start_date)

    def test_bad_import_writes_nothing(self):
        Opportunity = self.Opportunity.with_user(self.web_officer)
        count = self.Opportunity.search_count([])
        result = Opportunity.load(
            ["name", "territory_id/.id", "practice_mode", "opportunity_type", "start_date"],
            [
                ["Bon poste", str(self.commune_a1.id), "solo", "locum", "2027-01-01"],
                ["Mauvais poste", str(self.commune_a1.id), "solo", "permanent", "2027-01-01"],
            ],
        )
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])
        self.assertEqual(self.Opportunity.search_count([]), count)

    # ------------------------------------------------------------ access
    def test_public_reads_published_only(self):
        visible = self.Opportunity.with_user(self.public).search([])
        self.assertIn(self.opp_published, visible)
        self.assertNotIn(self.opp_draft, visible)
        with self.assertRaises(AccessError):
            self.opp_draft.with_user(self.public).read(["name"])
        with self.assertRaises(AccessError):
            self.opp_published.with_user(self.public).write({"name": "Piraté"})
        with self.assertRaises(AccessError):
            self.opp_published.with_user(self.user_portal).write({"name": "Piraté"})

    def test_officer_manages_their_territory(self):
        # a draft of another officer, in the officer's territory: editable
        self.opp_draft.with_user(self.web_officer).write({"summary": "Modifié"})
        self.assertEqual(self.opp_draft.summary, "Modifié")
        # outside their territory: readable, not writable
        self.assertEqual(self.opp_beta.with_user(self.web_officer).name, "MSP de Beta")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.opp_beta.with_user(self.web_officer).write({"summary": "Modifié"})
        with self.assertRaises(AccessError):
            self.Opportunity.with_user(self.web_officer).create(
                {
                    "name": "Ailleurs",
                    "territory_id": self.commune_b1.id,
                    "practice_mode": "solo",
                    "user_id": self.web_manager.id,
                }
            )
        # a plain employee reads the published ones only and writes nothing
        employee = self.Opportunity.with_user(self.user_employee)
        self.assertNotIn(self.opp_draft, employee.search([]))
        with self.assertRaises(AccessError):
            self.opp_published.with_user(self.user_employee).write({"summary": "Modifié"})
        self.opp_beta.with_user(self.web_manager).write({"summary": "Par la responsable"})
