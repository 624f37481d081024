from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.misc import format_date

from .common import HealthBaseCommon


@tagged("post_install", "-at_install")
class TestAuthorisingAct(HealthBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council = cls.env["res.partner"].create(
            {"name": "Test Département council", "is_company": True}
        )
        cls.Act = cls.env["health.authorising.act"]

    def _act(self, user=None, **values):
        Act = self.Act.with_user(user) if user else self.Act
        return Act.create(
            {
                "act_type": "deliberation",
                "body": "standing_committee",
                "number": "03-005",
                "date": "2019-02-14",
                "partner_id": self.council.id,
                **values,
            }
        )

    def test_several_acts_per_authority(self):
        first = self._act(number="00-006", date="2015-04-02", body="departmental_council")
        second = self._act()
        acts = self.Act.search([("partner_id", "=", self.council.id)])
        self.assertEqual(acts, first | second)
        self.assertEqual(acts[0], second, "latest act first")

    def test_display_name_and_search(self):
        act = self._act()
        self.assertIn("03-005", act.display_name)
        english = act.with_context(lang="en_US")
        adopted = format_date(english.env, date(2019, 2, 14))
        self.assertEqual(english.display_name, f"Deliberation No. 03-005 of {adopted}")
        if self.env["res.lang"]._lang_get("fr_FR"):
            french = act.with_context(lang="fr_FR")
            self.assertEqual(french.display_name, "Délibération n° 03-005 du 14/02/2019")
        self.assertEqual(self.Act.name_search("03-005")[0][0], act.id)

    def test_same_act_cannot_be_recorded_twice(self):
        self._act()
        count = self.Act.search_count([])
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self._act()
        self.assertEqual(self.Act.search_count([]), count)
        # the same number another year, or by another authority, is another act
        self._act(date="2020-02-14")
        other = self.env["res.partner"].create({"name": "CC Beta council", "is_company": True})
        self._act(partner_id=other.id)
        self.assertEqual(self.Act.search_count([]), count + 2)

    def test_transmission_dates(self):
        with self.assertRaises(ValidationError):
            self._act(transmission_date="2019-02-10")
        with self.assertRaises(ValidationError):
            self._act(act_identifier="not an identifier")
        act = self._act(
            act_identifier="099-229900019-20190214-03_005-DE",
            transmission_date="2019-02-18",
            acknowledgement_date="2019-02-18",
            enforceable_date="2019-02-18",
        )
        self.assertTrue(act._is_enforceable(date(2019, 2, 18)))
        self.assertFalse(act._is_enforceable(date(2019, 2, 17)))

    def test_bad_input_writes_nothing(self):
        count = self.Act.search_count([])
        for bad in (
            {"date": "14/02/2019"},
            {"act_type": "law"},
            {"partner_id": 999999999},
            {"number": "x" * 65},
        ):
            with self.assertRaises(ValidationError, msg=bad):
                self._act(user=self.user_officer, **bad)
        self.assertEqual(self.Act.search_count([]), count)

    def test_access(self):
        act = self._act(user=self.user_officer)
        act.with_user(self.user_officer).subject = "Support to MSU"
        self.assertEqual(act.subject, "Support to MSU")
        with self.assertRaises(AccessError):
            act.with_user(self.user_officer).unlink()
        with self.assertRaises(AccessError):
            act.with_user(self.user_employee).read(["number"])
        with self.assertRaises(AccessError):
            self.Act.with_user(self.user_portal).search([])
        act.with_user(self.user_manager).unlink()
        self.assertFalse(act.exists())

    def test_other_company_acts_are_hidden(self):
        other = self.env["res.company"].create({"name": "Other authority"})
        act = self._act(company_id=other.id)
        self.assertFalse(self.Act.with_user(self.user_officer).search([("id", "=", act.id)]))
