from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestTermination(HealthConventionsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.convention = cls._make_convention(notice_months=2)
        cls.convention.action_sign()
        cls.convention.action_put_in_force()

    def _wizard(self, **vals):
        action = self.convention.action_open_termination()
        form = Form(self.env[action["res_model"]].with_context(**action["context"]))
        form.reason = "The partnership ends."
        form.party_id = self.convention.party_ids[1]
        for key, value in vals.items():
            setattr(form, key, value)
        return form

    def test_notice_respected(self):
        form = self._wizard(letter_date=date(2025, 9, 15), termination_date=date(2025, 11, 14))
        self.assertEqual(form.earliest_date, date(2025, 11, 14))
        self.assertTrue(form.notice_respected)
        form.save().action_confirm()
        self.assertEqual(self.convention.state, "terminated")
        self.assertEqual(self.convention.termination_date, date(2025, 11, 14))
        self.assertEqual(self.convention.termination_party_id, self.convention.party_ids[1])
        self.assertTrue(self.convention.termination_notice_respected)

    def test_notice_not_respected_is_refused(self):
        form = self._wizard(letter_date=date(2025, 9, 15), termination_date=date(2025, 10, 31))
        self.assertFalse(form.notice_respected)
        wizard = form.save()
        with self.assertRaisesText(UserError, "notice of 2 months is not respected"):
            wizard.action_confirm()
        self.assertEqual(self.convention.state, "in_force")
        self.assertFalse(self.convention.termination_date)

    def test_short_notice_by_agreement(self):
        form = self._wizard(letter_date=date(2025, 9, 15), termination_date=date(2025, 10, 31))
        form.accept_short_notice = True
        form.save().action_confirm()
        self.assertEqual(self.convention.state, "terminated")
        self.assertFalse(self.convention.termination_notice_respected)
        self.assertIn("not respected", self.convention.message_ids[0].body)

    def test_letter_required_when_notice(self):
        wizard = self._wizard(termination_date=date(2025, 10, 31)).save()
        with self.assertRaisesText(UserError, "enter the date of the letter"):
            wizard.action_confirm()
        self.assertEqual(self.convention.state, "in_force")

    def test_only_signed_conventions(self):
        draft = self._make_convention()
        with self.assertRaises(UserError):
            draft.action_open_termination()
