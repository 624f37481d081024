import threading
from datetime import date

from psycopg2 import IntegrityError
from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestAmendment(HealthConventionsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.convention = cls._make_convention(template_id=cls.template.id, amount=10000)
        cls.convention.action_sign()
        cls.convention.action_put_in_force()
        cls.other = cls._make_convention()

    def _amend(self, convention=None, **vals):
        return self.env["health.convention.amendment"].create(
            {
                "convention_id": (convention or self.convention).id,
                "subject": "Change",
                "transmission_required": False,
                **vals,
            }
        )

    def test_numbered_per_convention(self):
        first = self._amend()
        second, other_first, third = self.env["health.convention.amendment"].create(
            [
                {"convention_id": self.convention.id, "subject": "B"},
                {"convention_id": self.other.id, "subject": "C"},
                {"convention_id": self.convention.id, "subject": "D"},
            ]
        )
        self.assertEqual((first.number, second.number, third.number), (1, 2, 3))
        self.assertEqual(other_first.number, 1)
        self.assertEqual(first.with_context(lang="en_US").name, "Amendment No. 1")
        self.assertEqual(self.convention.amendment_count, 3)

    @mute_logger("odoo.sql_db")
    def test_number_unique(self):
        first = self._amend()
        with self.assertRaises(IntegrityError):
            self._amend().write({"number": first.number})
            self.env.flush_all()

    def test_apply_changes_and_history(self):
        articles = self.convention.article_ids
        amendment = self._amend(
            signature_date=date(2025, 9, 1),
            new_date_end=date(2026, 6, 30),
            new_amount=12500,
            line_ids=[
                Command.create(
                    {
                        "article_id": articles[1].id,
                        "new_title": "Duration",
                        "new_body": "<p>Until June</p>",
                    }
                ),
                Command.create({"new_title": "Evaluation", "new_body": "<p>Yearly review</p>"}),
            ],
        )
        with self.assertRaises(UserError):
            amendment.action_put_in_force()  # not signed yet
        amendment.action_sign()
        amendment.action_put_in_force()
        self.assertEqual(amendment.state, "in_force")
        self.assertEqual(self.convention.date_end, date(2026, 6, 30))
        self.assertEqual(self.convention.amount, 12500)
        self.assertEqual(amendment.previous_date_end, date(2026, 3, 9))
        self.assertEqual(amendment.previous_amount, 10000)
        self.assertEqual(
            self.convention.article_ids.mapped("title"), ["Object", "Duration", "Evaluation"]
        )
        self.assertIn("Until June", str(articles[1].body))
        self.assertIn("One year", str(amendment.line_ids[0].previous_body))
        self.assertEqual(amendment.line_ids[1].article_id, self.convention.article_ids[2])
        with self.assertRaises(UserError):
            amendment.unlink()

    def test_amendment_transmission_gate(self):
        amendment = self._amend(
            signature_date=date(2025, 9, 1),
            new_date_end=date(2026, 6, 30),
            transmission_required=True,
        )
        amendment.action_sign()
        with self.assertRaisesText(UserError, "transmitted to the Préfecture"):
            amendment.action_put_in_force()
        self.assertEqual(self.convention.date_end, date(2026, 3, 9))
        self.assertEqual(amendment.state, "signed")

    def test_sign_needs_a_date(self):
        amendment = self._amend()
        with self.assertRaisesText(UserError, "signature date"):
            amendment.action_sign()
        self.assertEqual(amendment.state, "draft")

    @mute_logger("odoo.sql_db")
    def test_numbering_waits_for_a_concurrent_transaction(self):
        """Two transactions adding an amendment to the same convention: the
        second waits for the first, then fails with an error that Odoo
        retries (a serialization failure, not a duplicate number); retried,
        it takes the next number."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            convention_id = env["health.convention"].create({"title": "Concurrent amendments"}).id
        vals = {"convention_id": convention_id, "subject": "Concurrent"}
        result = {}

        def second_transaction():
            with self.registry.cursor() as cr2:
                env2 = api.Environment(cr2, SUPERUSER_ID, {})
                try:
                    result["number"] = env2["health.convention.amendment"].create(vals).number
                except Exception as error:
                    result["error"] = error
                cr2.rollback()

        try:
            with self.registry.cursor() as cr1:
                env1 = api.Environment(cr1, SUPERUSER_ID, {})
                first_number = env1["health.convention.amendment"].create(vals).number
                thread = threading.Thread(target=second_transaction)
                thread.start()
                thread.join(0.5)
                self.assertTrue(thread.is_alive(), "the second transaction waits")
                cr1.commit()
                thread.join(10)
            self.assertEqual(first_number, 1)
            self.assertIsInstance(result.get("error"), SerializationFailure)
            second_transaction()  # what Odoo's retry does
            self.assertEqual(result["number"], 2)
        finally:
            with self.registry.cursor() as cr:
                api.Environment(cr, SUPERUSER_ID, {})["health.convention"].browse(
                    convention_id
                ).unlink()
