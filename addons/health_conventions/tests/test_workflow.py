from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestWorkflow(HealthConventionsCommon):
    def test_reference_from_sequence(self):
        first, second = self._make_convention(), self._make_convention()
        self.assertNotEqual(first.name, "/")
        self.assertTrue(first.name.startswith("CONV/"))
        self.assertNotEqual(first.name, second.name)

    def test_create_from_template(self):
        convention = self.env["health.convention"].create({"template_id": self.template.id})
        self.assertEqual(convention.title, "Test convention")
        self.assertEqual(convention.kind, "msu_support")
        self.assertEqual(convention.notice_months, 2)
        self.assertEqual(convention.article_ids.mapped("title"), ["Object", "Duration"])
        self.assertEqual(convention.article_ids.mapped("number"), [1, 2])
        self.assertEqual(convention.article_ids[0].clause_id, self.template.line_ids[0])

    def test_template_in_the_form(self):
        with Form(self.env["health.convention"]) as form:
            form.template_id = self.template
            self.assertEqual(form.title, "Test convention")
            self.assertEqual(len(form.article_ids), 2)
        self.assertEqual(form.record.article_ids.mapped("title"), ["Object", "Duration"])

    def test_clause_name_follows_its_title(self):
        template = self.env["health.convention.template"].create(
            {"name": "Clauses", "line_ids": [Command.create({"title": "Objet"})]}
        )
        clause = template.line_ids
        self.assertEqual(clause.display_name, "Clauses – Objet")
        clause.title = "Durée"
        template.name = "Library"
        self.assertEqual(clause.display_name, "Library – Durée")

    def test_sign_needs_two_signing_parties_with_dates(self):
        convention = self._make_convention(signed=(date(2025, 3, 1), False))
        with self.assertRaisesText(UserError, "signature date of Test Communauté"):
            convention.action_sign()
        self.assertEqual(convention.state, "draft")
        convention.party_ids[1].role = "associated"  # an associated partner does not sign
        with self.assertRaisesText(UserError, "at least two signing parties"):
            convention.action_sign()
        convention.party_ids[1].write({"role": "cosignatory", "signature_date": date(2025, 3, 5)})
        convention.action_negotiate()
        convention.action_sign()
        self.assertEqual(convention.state, "signed")
        self.assertEqual(convention.date_start, date(2025, 3, 5))

    @freeze_time("2026-04-01 10:00:00")
    def test_transmission_gate(self):
        convention = self._make_convention(transmission_required=True)
        convention.action_sign()
        with self.assertRaisesText(UserError, "transmitted to the Préfecture"):
            convention.action_put_in_force()
        self.assertEqual(convention.state, "signed")
        convention.write(
            {
                "act_identifier": "099-229900019-20260330-TEST-DE",
                "transmission_date": date(2026, 3, 30),
                "acknowledgement_date": date(2026, 3, 31),
                "enforceable_date": date(2026, 4, 2),
            }
        )
        with self.assertRaisesText(UserError, "enforceable only from"):
            convention.action_put_in_force()
        self.assertEqual(convention.state, "signed")
        convention.enforceable_date = date(2026, 4, 1)
        convention.action_put_in_force()
        self.assertEqual(convention.state, "in_force")

    def test_no_transmission_needed(self):
        convention = self._make_convention(transmission_required=False)
        convention.action_sign()
        convention.action_put_in_force()
        self.assertEqual(convention.state, "in_force")

    def test_transmission_dates_in_order(self):
        convention = self._make_convention(transmission_required=True)
        with self.assertRaisesText(ValidationError, "cannot acknowledge an act before"):
            convention.write(
                {"transmission_date": date(2025, 4, 2), "acknowledgement_date": date(2025, 4, 1)}
            )
        self.assertFalse(convention.transmission_date)

    def test_bad_durations_are_refused(self):
        Convention = self.env["health.convention"]
        count = Convention.search_count([])
        with self.assertRaisesText(ValidationError, "at least one month"):
            self._make_convention(duration_months=0)
        with self.assertRaisesText(ValidationError, "renewal period of at least one month"):
            self._make_convention(tacit_renewal=True, renewal_months=0)
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self._make_convention(notice_months=-1)
        self.assertEqual(Convention.search_count([]), count)
        convention = self._make_convention()
        with self.assertRaisesText(UserError, "follows from"):
            convention.date_end = date(2020, 1, 1)
        self.assertEqual(convention.date_end, date(2026, 3, 9))

    def test_indicator_values(self):
        convention = self._make_convention(
            indicator_ids=[
                Command.create(
                    {
                        "name": "Interns welcomed",
                        "target": 8,
                        "value_ids": [
                            Command.create({"year": 2025, "value": 6}),
                            Command.create({"year": 2024, "value": 3}),
                        ],
                    }
                )
            ]
        )
        indicator = convention.indicator_ids
        self.assertEqual((indicator.last_year, indicator.last_value), (2025, 6))
        self.assertEqual(indicator.achievement, 75.0)
        with self.assertRaisesText(ValidationError, "between 2000 and 2100"):
            indicator.value_ids[0].year = 1999
