from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestEnforceable(HealthConventionsCommon):
    """The enforceable date follows from the Préfecture's acknowledgement and
    the last signature; a convention can take effect on its enforceable date."""

    def _transmit(self, convention, sent, received):
        convention.write(
            {
                "act_identifier": f"099-229900019-{sent:%Y%m%d}-TEST-DE",
                "transmission_date": sent,
                "acknowledgement_date": received,
            }
        )

    def test_enforceable_on_the_acknowledgement(self):
        convention = self._make_convention(
            env=self.env(user=self.user_conventions), transmission_required=True
        )
        self.assertFalse(convention.enforceable_date)
        self._transmit(convention, date(2025, 3, 12), date(2025, 3, 13))
        self.assertEqual(convention.enforceable_date, date(2025, 3, 13))

    def test_enforceable_once_notified_to_the_last_signatory(self):
        """Transmitted before the last signature: enforceable once signed by all."""
        convention = self._make_convention(
            signed=(date(2025, 3, 1), date(2025, 3, 20)), transmission_required=True
        )
        self._transmit(convention, date(2025, 3, 5), date(2025, 3, 6))
        self.assertEqual(convention.enforceable_date, date(2025, 3, 20))

    def test_enforceable_date_can_be_corrected(self):
        convention = self._make_convention(transmission_required=True)
        self._transmit(convention, date(2025, 3, 12), date(2025, 3, 13))
        convention.enforceable_date = date(2025, 3, 17)
        self.assertEqual(convention.enforceable_date, date(2025, 3, 17))
        # never before the acknowledgement (health_base's check)
        with self.assertRaisesText(ValidationError, "on or after the acknowledgement date"):
            convention.enforceable_date = date(2025, 3, 12)
        self.assertEqual(convention.enforceable_date, date(2025, 3, 17))

    def test_no_enforceable_date_without_transmission(self):
        convention = self._make_convention(transmission_required=False)
        self.assertFalse(convention.enforceable_date)

    @freeze_time("2025-04-01 10:00:00")
    def test_takes_effect_on_the_enforceable_date(self):
        env = self.env(user=self.user_conventions)
        convention = self._make_convention(
            env=env,
            transmission_required=True,
            effective_date_mode="enforceable",
            duration_months=12,
        )
        # signed before its transmission: no effective date yet
        self.assertFalse(convention.date_start)
        convention.action_sign()
        self.assertEqual(convention.state, "signed")
        with self.assertRaisesText(UserError, "transmitted to the Préfecture"):
            convention.action_put_in_force()
        self._transmit(convention, date(2025, 3, 14), date(2025, 3, 17))
        self.assertEqual(convention.enforceable_date, date(2025, 3, 17))
        self.assertEqual(convention.date_start, date(2025, 3, 17))
        self.assertEqual(convention.date_end, date(2026, 3, 16))
        convention.action_put_in_force()
        self.assertEqual(convention.state, "in_force")

    def test_enforceable_mode_without_transmission_takes_the_last_signature(self):
        convention = self._make_convention(
            transmission_required=False, effective_date_mode="enforceable"
        )
        self.assertEqual(convention.date_start, date(2025, 3, 10))
        self.assertEqual(convention.date_end, date(2026, 3, 9))

    def test_other_modes_still_need_an_effective_date_to_sign(self):
        convention = self._make_convention(effective_date_mode="fixed")
        with self.assertRaisesText(UserError, "enter the effective date"):
            convention.action_sign()
        self.assertEqual(convention.state, "draft")

    def test_enforceable_mode_through_create_write_and_import(self):
        env = self.env(user=self.user_conventions)
        Convention = env["health.convention"]
        convention = self._make_convention(env=env)
        convention.write({"effective_date_mode": "enforceable"})
        self.assertEqual(convention.effective_date_mode, "enforceable")
        count = Convention.search_count([])
        with self.assertRaisesText(ValidationError, "last_signature, fixed, enforceable"):
            Convention.create({"title": "Bad mode", "effective_date_mode": "exécutoire"})
        self.assertEqual(Convention.search_count([]), count)
        result = Convention.load(
            ["title", "effective_date_mode"], [["Imported convention", "enforceable"]]
        )
        self.assertFalse(result["messages"])
        self.assertEqual(Convention.browse(result["ids"]).effective_date_mode, "enforceable")
        self.assertEqual(Convention.search_count([]), count + 1)
