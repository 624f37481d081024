import time

from odoo.tests import tagged

from .common import WebsiteCommon

ADDRESS = "192.0.2.10"


@tagged("post_install", "-at_install")
class TestApplication(WebsiteCommon):
    """Reading and spam protection of the form, without HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Application = cls.env["health.website.application"]
        cls.measure = cls.env.ref("health_base.toolbox_measure_fa1")

    def _params(self, **overrides):
        params = {
            "name": "Jeanne Martin",
            "email": "jeanne.martin@example.fr",
            "candidate_type": "intern",
            "consent": "on",
            "territory_ids": [str(self.epci_a.id)],
            "measure_ids": [str(self.measure.id)],
            "opportunity_id": str(self.opp_published.id),
            "form_token": self.Application._health_form_token(time.time() - 60),
        }
        params.update(overrides)
        return params

    def test_parse_good_values(self):
        values, errors = self.Application._health_parse(
            self._params(children_ages="2, 7", birthdate="1995-04-02", rpps="")
        )
        self.assertEqual(errors, {})
        self.assertEqual(values["opportunity_id"], self.opp_published.id)
        self.assertEqual(values["territory_ids"], self.epci_a.ids)
        self.assertEqual(values["children_ages"], [2, 7])
        self.assertEqual(str(values["birthdate"]), "1995-04-02")
        self.assertEqual(values["consent_text"], self.Application._health_consent_text())

    def test_parse_bad_values(self):
        cases = {
            "name": {"name": ""},
            "email": {"email": "pas-un-email"},
            "phone": {"phone": "appelez-moi"},
            "rpps": {"rpps": "12345"},
            "birthdate": {"birthdate": "31/12/1990"},
            "candidate_type": {"candidate_type": "astronaut"},
            "semester_id": {"semester_id": "999999999"},
            "opportunity_id": {"opportunity_id": str(self.opp_draft.id)},
            "territory_ids": {"territory_ids": ["abc"]},
            "measure_ids": {"measure_ids": ["999999999"]},
            "children_ages": {"children_ages": "deux"},
            "message": {"message": "x" * 10000},
            "consent": {"consent": ""},
        }
        for key, bad in cases.items():
            with self.subTest(key=key):
                _values, errors = self.Application._health_parse(self._params(**bad))
                self.assertIn(key, errors)

    def test_spam_is_refused_and_nothing_written(self):
        Submission = self.env["health.website.submission"].sudo()
        count = Submission.search_count([])
        now = time.time()
        cases = {
            "honeypot": {"website_confirm": "http://spam.example"},
            "forged token": {"form_token": "123.abc"},
            "too fast": {"form_token": self.Application._health_form_token(now)},
            "too old": {"form_token": self.Application._health_form_token(now - 2 * 86400)},
        }
        for label, bad in cases.items():
            with self.subTest(label=label):
                record, _values, errors = self.Application._health_process(
                    self._params(**bad), ADDRESS, now=now
                )
                self.assertFalse(record)
                self.assertIn("form", errors)
        self.assertEqual(Submission.search_count([]), count)

    def test_rate_limit(self):
        self.env["ir.config_parameter"].sudo().set_param("health_website.form_hourly_limit", 2)
        Submission = self.env["health.website.submission"]
        Submission._record(ADDRESS)
        self.assertFalse(self.Application._health_spam_error(self._params(), ADDRESS))
        Submission._record(ADDRESS)
        self.assertTrue(self.Application._health_spam_error(self._params(), ADDRESS))
        # another address is not limited, and the address is not stored
        self.assertFalse(self.Application._health_spam_error(self._params(), "192.0.2.11"))
        self.assertFalse(Submission.sudo().search([("address_hash", "=", ADDRESS)]))
