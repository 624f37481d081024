from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import HealthConventionsCommon

MISSING_ID = 999999999


@tagged("post_install", "-at_install")
class TestInput(HealthConventionsCommon):
    """Values as an import or an XML-RPC script sends them, written by a
    programme officer (the least-privileged user who writes conventions):
    each is refused with a sentence and nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer_env = cls.env(user=cls.user_conventions)
        cls.convention = cls._make_convention(amount=1000)
        cls.party = cls.convention.party_ids[0]

    def _count(self, model):
        return self.env[model].search_count([])

    def _convention_vals(self, **vals):
        return {"title": "Input convention", "transmission_required": False, **vals}

    def assertCreateRefused(self, model, vals, text, env=None):
        """Creating ``vals`` raises a ValidationError with ``text``, and no
        record is created."""
        env = env or self.officer_env
        count = self._count(model)
        with self.assertRaisesText(ValidationError, text):
            env[model].create(vals)
        self.assertEqual(self._count(model), count)

    def assertWriteRefused(self, record, vals, text, env=None):
        """Writing ``vals`` raises a ValidationError with ``text``, and the
        record keeps its values."""
        record = record.with_env(env or self.officer_env)
        before = record.read(list(vals))[0]
        with self.assertRaisesText(ValidationError, text):
            record.write(vals)
        self.assertEqual(record.read(list(vals))[0], before)

    # ------------------------------------------------------------ types
    def test_record_that_does_not_exist(self):
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(template_id=MISSING_ID),
            f"there is no Convention Template with the id {MISSING_ID}",
        )
        self.assertWriteRefused(
            self.convention, {"template_id": MISSING_ID}, "(it may have been deleted)"
        )
        self.assertCreateRefused(
            "health.convention.party",
            {"convention_id": self.convention.id, "partner_id": MISSING_ID},
            f"Organisation (partner_id): there is no Contact with the id {MISSING_ID}",
        )
        self.assertWriteRefused(self.party, {"partner_id": MISSING_ID}, str(MISSING_ID))
        # a party given with its convention
        parties = self._count("health.convention.party")
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(
                party_ids=[Command.create({"partner_id": MISSING_ID, "role": "lead"})]
            ),
            "there is no Contact with the id",
        )
        self.assertEqual(self._count("health.convention.party"), parties)

    def test_amendment_of_a_convention_that_does_not_exist(self):
        for convention_id in (MISSING_ID, "CONV/2026/0001"):
            self.assertCreateRefused(
                "health.convention.amendment",
                {"convention_id": convention_id, "subject": "Lost"},
                "Convention (convention_id)",
            )

    def test_text_in_a_number(self):
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(duration_months="twelve"),
            "Duration (months) (duration_months): 'twelve' is not a whole number",
        )
        self.assertWriteRefused(self.convention, {"duration_months": "12 mois"}, "whole number")
        self.assertWriteRefused(self.convention, {"amount": "1 250,50"}, "is not a number")

    def test_date_not_written_yyyy_mm_dd(self):
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(effective_date_mode="fixed", date_start="31/12/2026"),
            "'31/12/2026' is not a date; write it as YYYY-MM-DD",
        )
        self.assertWriteRefused(self.party, {"signature_date": "31/12/2026"}, "YYYY-MM-DD")

    def test_unknown_selection_key(self):
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(kind="partnership"),
            "'partnership' is not one of the allowed values",
        )
        self.assertWriteRefused(self.party, {"role": "signatory"}, "not one of the allowed values")

    def test_texts_too_long(self):
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(name="C" * 10_000),
            "Reference (name) is too long: 10000 characters, at most 64",
        )
        self.assertWriteRefused(self.convention, {"title": "T" * 10_000}, "at most 256")
        self.assertWriteRefused(
            self.party, {"signatory_name": "S" * 10_000}, "is too long: 10000 characters"
        )

    def test_import_reports_the_error(self):
        Convention = self.officer_env["health.convention"]
        count = self._count("health.convention")
        result = Convention.load(
            ["title", "amount"], [["Imported convention", "1000"], ["Refund", "-500"]]
        )
        self.assertFalse(result["ids"])
        self.assertEqual({m["type"] for m in result["messages"]}, {"error"})
        self.assertIn(
            "financial commitment cannot be negative",
            " ".join(m["message"] for m in result["messages"]),
        )
        self.assertEqual(self._count("health.convention"), count)

    def test_meeting_checks_only_the_suite_fields(self):
        Event = self.officer_env["calendar.event"]
        self.assertCreateRefused(
            "calendar.event",
            {"name": "Committee", "health_convention_id": MISSING_ID},
            f"there is no Partnership Convention with the id {MISSING_ID}",
        )
        # Odoo's own fields of a meeting keep Odoo's behaviour
        event = Event.create({"name": "N" * 300, "health_convention_id": self.convention.id})
        self.assertEqual(event.health_convention_id, self.convention)

    # ---------------------------------------------------- business rules
    def test_negative_or_out_of_bounds_numbers(self):
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(amount=-500),
            "the financial commitment cannot be negative",
        )
        self.assertCreateRefused(
            "health.convention", self._convention_vals(duration_months=-12), "at least one month"
        )
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(duration_months=100_000),
            "Duration (months) (duration_months) is 100000, at most 1200",
        )
        convention = self.convention
        self.assertWriteRefused(convention, {"amount": -1}, "cannot be negative")
        self.assertWriteRefused(convention, {"renewal_months": -1}, "cannot be negative")
        self.assertWriteRefused(convention, {"max_renewals": -2}, "cannot be negative")
        self.assertWriteRefused(
            convention, {"committee_cadence_months": -12}, "cannot be negative; enter 0 or more"
        )
        self.assertWriteRefused(convention, {"copies": 0}, "between 1 and 100")
        self.assertWriteRefused(convention, {"notice_reminder_days": 100_000}, "at most 3660")
        amendment = self.officer_env["health.convention.amendment"].create(
            {"convention_id": convention.id, "subject": "Amount"}
        )
        self.assertWriteRefused(amendment, {"new_amount": -10}, "the new amount cannot be negative")
        indicator = self.officer_env["health.convention.indicator"].create(
            {"convention_id": convention.id, "name": "Interns", "target": 4}
        )
        self.assertWriteRefused(indicator, {"target": -4}, "the target cannot be negative")
        self.assertCreateRefused(
            "health.convention.indicator.value",
            {"indicator_id": indicator.id, "year": 2025, "value": -1},
            "Interns, 2025: the value cannot be negative",
        )

    def test_messages_in_french(self):
        if not self.env["res.lang"]._lang_get("fr_FR"):
            self.skipTest("French is not installed")
        env = self.officer_env(context=dict(self.officer_env.context, lang="fr_FR"))
        self.assertWriteRefused(
            self.convention,
            {"amount": -1},
            "l'engagement financier ne peut pas être négatif",
            env=env,
        )

    def test_template_terms(self):
        """Templates are written by the managers; their duration rules are
        checked like the conventions'."""
        env = self.env(user=self.user_conventions_manager)
        self.assertCreateRefused(
            "health.convention.template",
            {"name": "Bad template", "duration_months": 0},
            "the duration must be at least one month",
            env=env,
        )
        self.assertWriteRefused(self.template, {"notice_months": -3}, "cannot be negative", env=env)
        self.assertWriteRefused(
            self.template,
            {"tacit_renewal": True, "renewal_months": 0},
            "renewal period of at least one month",
            env=env,
        )
        self.assertWriteRefused(
            self.template, {"duration_months": "36 mois"}, "whole number", env=env
        )

    # ----------------------------------------------------------- dates
    def test_transmission_dates_in_order(self):
        convention = self.convention
        convention.write({"transmission_date": date(2025, 3, 12)})
        self.assertWriteRefused(
            convention,
            {"acknowledgement_date": "2025-03-14", "enforceable_date": "2025-03-13"},
            "set the enforceable date on or after the acknowledgement date",
        )

    def test_act_identifier_format(self):
        for identifier in (
            "CP2025_12_04",
            "099-229900019-2025-12-18-CP2025_12_04-DE",
            "099-22990001-20251218-CP2025_12_04-DE",
            "099-229900019-20251318-CP2025_12_04-DE",
            "099-229900019-20251218-CP2025_12_04-de",
        ):
            self.assertWriteRefused(
                self.convention,
                {"act_identifier": identifier},
                "does not follow the format of the transmission platform",
            )
        self.convention.with_env(self.officer_env).write(
            {"act_identifier": "02A-229900019-20251218-CP2025_12_04-DE"}
        )
        self.assertEqual(self.convention.act_identifier, "02A-229900019-20251218-CP2025_12_04-DE")

    def test_deliberation_before_signature_and_transmission(self):
        # the party signed on 1 March 2025
        late = self._make_act(env=self.officer_env, number="CP-LATE", day=date(2025, 3, 4))
        self.assertWriteRefused(
            self.party,
            {"act_ids": [Command.link(late.id)]},
            "cannot be dated after the signature",
        )
        self.assertFalse(self.party.act_ids)
        early = self._make_act(env=self.officer_env, number="CP-EARLY", day=date(2025, 2, 20))
        self.party.with_env(self.officer_env).write({"act_ids": [Command.link(early.id)]})
        # the act's date is checked against the signatures it authorises
        self.assertWriteRefused(
            early, {"date": "2025-03-02"}, "cannot be dated after the signature"
        )
        self.assertEqual(early.date, date(2025, 2, 20))
        amendment_vals = {
            "convention_id": self.convention.id,
            "subject": "Dates",
            "act_id": self._make_act(number="CP-AV", day=date(2025, 9, 10)).id,
            "signature_date": "2025-09-01",
        }
        self.assertCreateRefused(
            "health.convention.amendment", amendment_vals, "cannot be dated after the signature"
        )
        self.assertCreateRefused(
            "health.convention.amendment",
            {**amendment_vals, "signature_date": "2025-09-12", "transmission_date": "2025-09-05"},
            "cannot be sent to the Préfecture",
        )
        # the convention's last signature is on 10 March 2025
        self.assertCreateRefused(
            "health.convention.amendment",
            {**amendment_vals, "act_id": False, "signature_date": "2025-03-01"},
            "an amendment is signed after the convention it amends",
        )

    def test_convention_dates_in_order(self):
        # fixed effective date, one month: ends 31 January 2025, signed in March
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(
                effective_date_mode="fixed",
                date_start="2025-01-01",
                duration_months=1,
                party_ids=[
                    Command.create(self._party_vals(self.org_dept, "2025-03-01")),
                    Command.create(self._party_vals(self.org_epci, "2025-03-10")),
                ],
            ),
            "is after the end date",
        )
        self.assertCreateRefused(
            "health.convention",
            self._convention_vals(effective_date_mode="fixed", date_start="9999-12-01"),
            "is out of range; enter a date between",
        )
        self.assertWriteRefused(self.party, {"signature_date": "9999-12-31"}, "is out of range")

    def test_termination_dates(self):
        convention = self._make_convention()
        convention.action_sign()
        action = convention.with_env(self.officer_env).action_open_termination()
        Wizard = self.officer_env[action["res_model"]].with_context(**action["context"])
        count = self._count(action["res_model"])
        form = Form(Wizard)
        form.reason = "Before it started"
        form.party_id = convention.party_ids[1]
        form.termination_date = date(2025, 3, 1)  # it takes effect on 10 March 2025
        with self.assertRaisesText(ValidationError, "enter a termination date on or after"):
            form.save()
        self.assertCreateRefused(
            action["res_model"],
            {
                "convention_id": convention.id,
                "reason": "Unknown party",
                "party_id": MISSING_ID,
                "termination_date": "2025-06-30",
            },
            "there is no Convention Party with the id",
        )
        self.assertEqual(self._count(action["res_model"]), count)
        self.assertEqual(convention.state, "signed")
