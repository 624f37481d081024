from datetime import date

from odoo.tests import tagged

from ..dates import notice_deadline, period_end, renewal_end
from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestDates(HealthConventionsCommon):
    def test_period_end_same_day_minus_one(self):
        self.assertEqual(period_end(date(2025, 3, 10), 12), date(2026, 3, 9))
        self.assertEqual(period_end(date(2024, 1, 1), 36), date(2026, 12, 31))
        self.assertEqual(period_end(date(2025, 1, 15), 1), date(2025, 2, 14))

    def test_period_end_month_ends(self):
        # 31 January + 1 month: no 31 February, the period ends on the month's last day
        self.assertEqual(period_end(date(2025, 1, 31), 1), date(2025, 2, 28))
        self.assertEqual(period_end(date(2024, 1, 31), 1), date(2024, 2, 29))
        self.assertEqual(period_end(date(2025, 1, 30), 1), date(2025, 2, 28))
        self.assertEqual(period_end(date(2025, 8, 31), 1), date(2025, 9, 30))
        self.assertEqual(period_end(date(2025, 5, 31), 6), date(2025, 11, 30))

    def test_period_end_leap_years(self):
        # starting 1 March, the period of 12 months ends on 28 or 29 February
        self.assertEqual(period_end(date(2027, 3, 1), 12), date(2028, 2, 29))
        self.assertEqual(period_end(date(2025, 3, 1), 12), date(2026, 2, 28))
        # starting on 29 February of a leap year, a year ends on 28 February
        self.assertEqual(period_end(date(2024, 2, 29), 12), date(2025, 2, 28))
        self.assertEqual(period_end(date(2024, 2, 29), 48), date(2028, 2, 28))

    def test_renewal_end(self):
        self.assertEqual(renewal_end(date(2027, 2, 28), 12), date(2028, 2, 29))
        self.assertEqual(renewal_end(date(2026, 12, 31), 36), date(2029, 12, 31))
        self.assertEqual(renewal_end(date(2025, 1, 30), 1), date(2025, 2, 28))

    def test_notice_deadline(self):
        self.assertEqual(notice_deadline(date(2026, 12, 31), 2), date(2026, 11, 1))
        self.assertEqual(notice_deadline(date(2026, 4, 30), 2), date(2026, 3, 1))
        self.assertEqual(notice_deadline(date(2027, 2, 28), 3), date(2026, 12, 1))
        self.assertFalse(notice_deadline(date(2027, 2, 28), 0))

    def test_convention_dates_follow_the_last_signature(self):
        convention = self._make_convention(
            signed=(date(2024, 1, 20), date(2024, 1, 31)),
            duration_months=1,
            tacit_renewal=True,
            notice_months=1,
        )
        self.assertEqual(convention.date_signed, date(2024, 1, 31))
        self.assertEqual(convention.date_start, date(2024, 1, 31))
        self.assertEqual(convention.date_end, date(2024, 2, 29))
        self.assertEqual(convention.notice_deadline, date(2024, 2, 1))
        convention.party_ids[1].signature_date = date(2025, 1, 31)
        self.assertEqual(convention.date_end, date(2025, 2, 28))

    def test_fixed_effective_date(self):
        convention = self._make_convention(
            effective_date_mode="fixed", date_start=date(2026, 1, 1), duration_months=36
        )
        self.assertEqual(convention.date_start, date(2026, 1, 1))
        self.assertEqual(convention.date_end, date(2028, 12, 31))
        # no notice deadline for a convention that is not renewed tacitly
        self.assertFalse(convention.notice_deadline)
