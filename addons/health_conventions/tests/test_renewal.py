from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestRenewal(HealthConventionsCommon):
    def _in_force(self, env=None, **vals):
        convention = self._make_convention(env=env, **vals)
        convention.action_sign()
        convention.action_put_in_force()
        return convention

    def test_tacit_renewals_recorded_by_the_scheduled_action(self):
        # signed 10 March 2025: ends 9 March 2026
        tacit = self._in_force(tacit_renewal=True, renewal_months=12, max_renewals=3)
        plain = self._in_force()
        self.env["health.convention"]._cron_process_terms(date(2027, 4, 1))
        self.assertFalse(plain.renewal_ids, "an expired convention has no renewal")
        self.assertEqual(tacit.renewal_count, 2)
        renewals = tacit.renewal_ids.sorted("number")
        self.assertEqual(renewals.mapped("number"), [1, 2])
        self.assertEqual(set(renewals.mapped("kind")), {"tacit"})
        self.assertEqual(
            [(r.previous_date_end, r.date_start, r.date_end) for r in renewals],
            [
                (date(2026, 3, 9), date(2026, 3, 10), date(2027, 3, 9)),
                (date(2027, 3, 9), date(2027, 3, 10), date(2028, 3, 9)),
            ],
        )
        self.assertEqual(set(renewals.mapped("date")), {date(2027, 4, 1)})
        self.assertEqual(renewals.user_id, self.env.user)
        # the next run numbers on
        self.env["health.convention"]._cron_process_terms(date(2028, 3, 10))
        self.assertEqual(tacit.renewal_ids.sorted("number")[-1].number, 3)
        self.assertEqual(tacit.renewal_count, 3)

    @mute_logger("odoo.sql_db")
    def test_renewal_number_unique(self):
        """Renewals used to be numbered without a lock nor a unique constraint."""
        convention = self._in_force(tacit_renewal=True, renewal_months=12)
        self.env["health.convention"]._cron_process_terms(date(2027, 4, 1))
        first, second = convention.renewal_ids.sorted("number")
        with self.assertRaises(IntegrityError):
            second.write({"number": first.number})
            self.env.flush_all()

    def test_express_renewal_by_amendment(self):
        convention = self._in_force(tacit_renewal=True, renewal_months=12)
        amendment = self.env["health.convention.amendment"].create(
            {
                "convention_id": convention.id,
                "subject": "Extension",
                "transmission_required": False,
                "signature_date": date(2026, 1, 5),
                "new_date_end": date(2026, 12, 31),
            }
        )
        amendment.action_sign()
        # applied on 6 January 2026, before the tacit renewal below
        amendment.with_context(date="2026-01-06").action_put_in_force()
        renewal = convention.renewal_ids
        self.assertEqual(len(renewal), 1)
        self.assertEqual(
            (renewal.kind, renewal.amendment_id, renewal.previous_date_end, renewal.date_end),
            ("express", amendment, date(2026, 3, 9), date(2026, 12, 31)),
        )
        self.assertEqual(renewal.date_start, date(2026, 3, 10))
        self.assertEqual(convention.renewal_count, 0, "only tacit renewals count")
        # the next tacit renewal is number 2 of the history
        self.env["health.convention"]._cron_process_terms(date(2027, 1, 1))
        tacit = convention.renewal_ids.filtered(lambda r: r.kind == "tacit")
        self.assertEqual((tacit.number, tacit.previous_date_end), (2, date(2026, 12, 31)))
        self.assertEqual(convention.renewal_count, 1)

    def test_express_renewal_by_decision(self):
        """The officer renews a convention in force by a decision (wizard)."""
        env = self.env(user=self.user_conventions)
        convention = self._in_force(env=env, renewal_months=6)
        action = convention.action_open_express_renewal()
        wizard_form = Form(
            env[action["res_model"]].with_context(**action["context"]),
        )
        self.assertEqual(wizard_form.date_end, date(2026, 9, 9), "one renewal period")
        wizard_form.act_number = "CP2026_03_02"
        wizard_form.act_date = date(2026, 3, 2)
        wizard_form.act_body = "standing_committee"
        wizard_form.save().action_confirm()
        self.assertEqual(convention.date_end, date(2026, 9, 9))
        renewal = convention.renewal_ids
        self.assertEqual(
            (renewal.kind, renewal.previous_date_end, renewal.user_id),
            ("express", date(2026, 3, 9), self.user_conventions),
        )
        act = renewal.act_id
        self.assertEqual(
            (act.act_type, act.number, act.date, act.body),
            ("deliberation", "CP2026_03_02", date(2026, 3, 2), "standing_committee"),
        )
        self.assertEqual(convention.renewal_count, 0)
        self.assertIn("Renewed expressly", convention.message_ids[0].body)
        self.assertIn("CP2026_03_02", convention.message_ids[0].body)

    def test_express_renewal_by_a_recorded_act(self):
        env = self.env(user=self.user_conventions)
        convention = self._in_force(env=env, renewal_months=6)
        act = self._make_act(env=env, number="CP2026_02_10", day=date(2026, 2, 10))
        action = convention.action_open_express_renewal()
        Wizard = env[action["res_model"]].with_context(**action["context"])
        acts = self.env["health.authorising.act"].search_count([])
        Wizard.create({"act_id": act.id}).action_confirm()
        self.assertEqual(convention.renewal_ids.act_id, act)
        self.assertEqual(self.env["health.authorising.act"].search_count([]), acts)
        # without an act nothing is renewed
        with self.assertRaisesText(UserError, "Choose the act"):
            Wizard.create({}).action_confirm()
        self.assertEqual(len(convention.renewal_ids), 1)

    def test_express_renewal_bad_input(self):
        convention = self._in_force()
        act = self._make_act()
        with self.assertRaisesText(UserError, "must be after the current one"):
            convention._renew_expressly(date(2026, 1, 1), act)
        self.assertEqual(convention.date_end, date(2026, 3, 9))
        self.assertFalse(convention.renewal_ids)
        draft = self._make_convention()
        with self.assertRaisesText(UserError, "Only conventions in force"):
            draft.action_open_express_renewal()
        with self.assertRaisesText(UserError, "Only conventions in force"):
            draft._renew_expressly(date(2027, 1, 1), act)
        self.assertFalse(draft.renewal_ids)

    def test_shortening_amendment_is_no_renewal(self):
        convention = self._in_force()
        amendment = self.env["health.convention.amendment"].create(
            {
                "convention_id": convention.id,
                "subject": "Earlier end",
                "transmission_required": False,
                "signature_date": date(2025, 9, 1),
                "new_date_end": date(2025, 12, 31),
            }
        )
        amendment.action_sign()
        amendment.action_put_in_force()
        self.assertFalse(convention.renewal_ids)

    def test_officer_reads_renewals_but_does_not_write_them(self):
        env = self.env(user=self.user_conventions)
        convention = self._in_force(env=env, tacit_renewal=True, renewal_months=12)
        self.env["health.convention"]._cron_process_terms(date(2026, 3, 10))
        renewal = convention.renewal_ids.with_user(self.user_conventions)
        self.assertEqual(renewal.kind, "tacit")
        with self.assertRaises(AccessError):
            renewal.write({"date_end": date(2030, 1, 1)})
        with self.assertRaises(AccessError):
            env["health.convention.renewal"].create(
                {"convention_id": convention.id, "kind": "express"}
            )
        with self.assertRaises(AccessError):
            self.env["health.convention.renewal"].with_user(self.user_officer).search([])

    def test_multi_company_rule(self):
        other_company = self.env["res.company"].create({"name": "Other Département"})
        foreign = self._in_force(company_id=other_company.id, tacit_renewal=True)
        mine = self._in_force(tacit_renewal=True)
        self.env["health.convention"]._cron_process_terms(date(2026, 3, 10))
        visible = self.env["health.convention.renewal"].with_user(self.user_conventions).search([])
        self.assertIn(mine.renewal_ids, visible)
        self.assertNotIn(foreign.renewal_ids, visible)
        self.assertEqual(foreign.renewal_ids.company_id, other_company)
