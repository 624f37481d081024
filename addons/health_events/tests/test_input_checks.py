from datetime import datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import HealthEventsCommon

LONG_TEXT = "x" * 10_000


@tagged("post_install", "-at_install")
class TestInputChecks(HealthEventsCommon):
    """Values as an import or an XML-RPC script sends them, written by the
    least privileged user who may write: refused with a sentence naming the
    field, and nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._generate()
        cls.invitation = cls.event.health_invitation_ids[0]
        cls.invitation.action_register()
        cls.registration = cls.invitation.registration_id
        cls.kit_line = cls.env["health.event.kit.line"].create(
            {"event_id": cls.event.id, "name": "Territory guide"}
        )

    def _assert_refused(self, message, call, *args):
        # assertRaises (not assertRaisesRegex) rolls back what was written, as
        # the request of the user would be
        with self.assertRaises(ValidationError) as refused:
            call(*args)
        self.assertRegex(str(refused.exception), message)

    def _assert_create_refused(self, model, vals, message, user=None):
        Model = self.env[model].with_user(user or self.user_events)
        count = Model.sudo().search_count([])
        self._assert_refused(message, Model.create, vals)
        self.assertEqual(Model.sudo().search_count([]), count, vals)

    def _assert_write_refused(self, record, vals, message, user=None):
        record = record.with_user(user or self.user_events)
        before = record.sudo().read(list(vals))[0]
        self._assert_refused(message, record.write, vals)
        record.invalidate_recordset()
        self.assertEqual(record.sudo().read(list(vals))[0], before, vals)

    # ------------------------------------------------------------ evening
    def test_evening_values(self):
        self._assert_write_refused(self.event, {"health_kit_stock": "many"}, "not a whole number")
        self._assert_write_refused(
            self.event, {"health_semester_id": 999999999}, "no Internship Semester with the id"
        )
        self._assert_write_refused(
            self.event, {"health_territory_id": "CC Alpha"}, "is not the id of a record"
        )
        self._assert_write_refused(self.event, {"health_kit_stock": -3}, "cannot be negative")
        self._assert_write_refused(
            self.event, {"seats_limited": True, "seats_max": -1}, "cannot be negative"
        )
        # Odoo's own fields keep Odoo's behaviour
        self.event.with_user(self.user_events).write({"name": "Soirée de mai"})
        self.assertEqual(self.event.name, "Soirée de mai")

    def test_evening_dated_within_its_semester(self):
        # a year too late, a typing slip
        self._assert_write_refused(
            self.event,
            {"date_begin": datetime(2028, 5, 16, 17, 0), "date_end": datetime(2028, 5, 16, 20, 0)},
            "outside its internship semester",
        )
        self._assert_write_refused(
            self.event, {"health_semester_id": self.sem_2026_05.id}, "outside its internship"
        )
        # up to 30 days before the semester starts (2 May 2027) is fine
        self.event.with_user(self.user_events).write(
            {"date_begin": datetime(2027, 4, 2, 17, 0), "date_end": datetime(2027, 4, 2, 20, 0)}
        )
        self.assertEqual(self.event.date_begin, datetime(2027, 4, 2, 17, 0))
        self._assert_write_refused(
            self.event,
            {"date_begin": datetime(2027, 4, 1, 17, 0), "date_end": datetime(2027, 4, 1, 20, 0)},
            "outside its internship semester",
        )

    # ------------------------------------------------------------ registration
    def test_registration_values(self):
        base = {"event_id": self.event.id, "partner_id": self.mayor.id, "name": "Mayor"}
        for vals, message in (
            ({"health_companion_count": "two"}, "Companions .* not a whole number"),
            ({"health_companion_count": -1}, "must lie between 0 and 10"),
            ({"health_dietary_need": "cake"}, "'cake' is not one of the allowed values"),
            ({"health_dietary_note": LONG_TEXT}, "too long: 10000 characters, at most 256"),
        ):
            self._assert_create_refused("event.registration", dict(base, **vals), message)
        self._assert_write_refused(
            self.registration, {"health_companion_count": "2.5"}, "not a whole number"
        )

    # ------------------------------------------------------------ invitation
    def test_invitation_values(self):
        base = {"event_id": self.event.id, "partner_id": self.mayor.id}
        for vals, message in (
            ({"partner_id": 999999999}, "no Contact with the id 999999999"),
            ({"event_id": "Soirée"}, "is not the id of a record"),
            ({"category": "boss"}, "'boss' is not one of the allowed values"),
            ({"date_invited": "31/12/2026"}, "write it as YYYY-MM-DD HH:MM:SS"),
            ({"no_such_field": 1}, "has no field no_such_field"),
            ({"access_token": "short"}, "answer token"),
            ({"access_token": "é" * 32}, "answer token"),
            ({"access_token": LONG_TEXT}, "too long"),
            (
                {"date_invited": "2027-03-10 09:00:00", "date_answered": "2027-03-01 09:00:00"},
                "cannot be answered .* before it was sent",
            ),
        ):
            self._assert_create_refused("health.event.invitation", dict(base, **vals), message)

    # ------------------------------------------------------------ kits
    def test_kit_line_values(self):
        base = {"event_id": self.event.id, "name": "Local products"}
        for vals, message in (
            ({"name": LONG_TEXT}, "Item .* too long"),
            ({"quantity": "one"}, "Quantity per Kit .* not a whole number"),
            ({"quantity": 0}, "must be at least 1"),
            ({"sponsor_id": 999999999}, "no Contact with the id"),
            ({"sequence": "first"}, "not a whole number"),
        ):
            self._assert_create_refused("health.event.kit.line", dict(base, **vals), message)
        self._assert_write_refused(self.kit_line, {"name": LONG_TEXT}, "too long")

    def test_kit_line_import(self):
        """An import reports the refused line and imports nothing."""
        Line = self.env["health.event.kit.line"].with_user(self.user_events)
        count = Line.search_count([])
        result = Line.load(
            ["event_id/.id", "name", "quantity"],
            [[str(self.event.id), "Pass découverte", "1"], [str(self.event.id), LONG_TEXT, "1"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("too long", " ".join(m["message"] for m in result["messages"]))
        self.assertEqual(Line.search_count([]), count)

    # ------------------------------------------------------------ wizard
    def test_generate_wizard_values(self):
        for vals, message in (
            ({"territory_id": 999999999}, "no Territory with the id"),
            ({"territory_id": "CC Alpha"}, "is not the id of a record"),
            ({"territory_id": self.epci_a.id, "semester_id": -4}, "is not the id of a record"),
        ):
            self._assert_create_refused("health.event.generate", vals, message)

    # ------------------------------------------------------------ template
    def test_template_values(self):
        manager = self.user_events_manager
        for vals, message in (
            ({"health_offset_days": "ten"}, "Days After Semester Start .* not a whole number"),
            ({"health_start_hour": "7pm"}, "Start Time .* not a number"),
            ({"health_duration": "3h"}, "not a number"),
            ({"health_reminder_days": -1}, "between 0 and 90 days"),
        ):
            self._assert_write_refused(self.event_type, vals, message, user=manager)
