import importlib.util
from datetime import datetime

from freezegun import freeze_time

from odoo.addons.health_base import tools
from odoo.exceptions import UserError
from odoo.modules.module import get_module_path
from odoo.tests import Form, tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestEveningDay(HealthEventsCommon):
    """What the organiser meets on the way to the evening: the territory
    proposed, the result of "Invite", the date as people read it, the
    check-in list of tonight and the attendance recorded on the day only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        # 16 May 2027, 19:00 in Paris (17:00 UTC), until 22:00
        cls.event = cls._generate()
        cls.invitations = cls.event.health_invitation_ids.filtered(
            lambda inv: inv.category == tools.ROLE_INTERN
        )
        cls.invitations.action_send()
        cls.invitations.action_register()
        cls.registration = cls.invitations[0].registration_id

    # ------------------------------------------------------------ territory
    def _new_evening_territory(self, user):
        Event = self.env["event.event"].with_user(user)
        return (
            Event.with_context(default_event_type_id=self.event_type.id)
            .default_get(["health_territory_id"])
            .get("health_territory_id")
        )

    def test_territory_proposed_for_a_new_evening(self):
        organiser = self.user_events_manager
        self.env.company.partner_id.health_territory_id = False
        # nothing used yet: the user's own territory, else the company's
        self.assertFalse(self._new_evening_territory(organiser))
        self.env.company.partner_id.health_territory_id = self.epci_b
        self.assertEqual(self._new_evening_territory(organiser), self.epci_b.id)
        organiser.partner_id.health_territory_id = self.commune_a1
        self.assertEqual(self._new_evening_territory(organiser), self.commune_a1.id)
        # then the territory of the user's last evening
        self.assertEqual(self._new_evening_territory(self.user_events), self.epci_a.id)
        self._generate(territory=self.epci_b, semester=self.sem_2026_11)
        self.assertEqual(self._new_evening_territory(self.user_events), self.epci_b.id)
        # the generator proposes the same; an event that is not a welcome evening nothing
        wizard = Form(self.env["health.event.generate"].with_user(self.user_events))
        self.assertEqual(wizard.territory_id, self.epci_b)
        self.assertFalse(
            self.env["event.event"]
            .with_user(self.user_events)
            .default_get(["health_territory_id"])
            .get("health_territory_id")
        )

    def test_territory_required_on_the_form(self):
        form = Form(
            self.env["event.event"]
            .with_user(self.user_events)
            .with_context(default_event_type_id=self.event_type.id)
        )
        self.assertEqual(form.health_territory_id, self.epci_a)
        form.health_territory_id = self.env["health.territory"]
        form.name = "Soirée sans territoire"
        with self.assertRaises(AssertionError):  # a required field is empty
            form.save()

    # ------------------------------------------------------------ invite
    def test_invite_says_how_many_were_sent_and_skipped(self):
        self.msu.email = False
        self.event.health_guest_partner_ids = self.mayor
        action = self.event.with_user(self.user_events).action_health_invite()
        self.assertEqual(action["tag"], "display_notification")
        message = action["params"]["message"]
        # the three interns were invited before, the supervisor has no
        # e-mail address: the mayor only is invited
        self.assertIn("1 invitation(s) sent", message)
        self.assertIn("3 already invited", message)
        self.assertIn("1 without an e-mail address", message)
        self.assertIn("Dr Supervisor Alpha", message)
        self.assertEqual(action["params"]["next"]["res_model"], "health.event.invitation")

    def test_invite_counts_in_french(self):
        self.event.health_guest_partner_ids = self.mayor
        action = (
            self.event.with_user(self.user_events).with_context(lang="fr_FR").action_health_invite()
        )
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(
            action["params"]["message"],
            "2 invitation(s) envoyée(s). Ignorées : 3 déjà invitée(s), 0 sans adresse e-mail.",
        )
        self.assertEqual(
            set(self.event.health_invitation_ids.mapped("state")), {"invited", "registered"}
        )

    def test_invite_with_nobody_to_invite_writes_nothing(self):
        self.event.action_health_invite()
        mails = self.env["mail.mail"].search_count([])
        with self.assertRaises(UserError) as error:
            self.event.with_user(self.user_events).action_health_invite()
        self.assertIn("4 person(s) already invited", str(error.exception))
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)

    # ------------------------------------------------------------ dates
    def test_date_label_in_french_in_the_evening_timezone(self):
        event = self.event.with_context(lang="fr_FR")
        self.assertEqual(event._health_date_label(), "dimanche 16 mai 2027 à 19 h 00")
        self.assertEqual(
            self.event.with_context(lang="en_US")._health_date_label(),
            "Sunday, May 16, 2027 at 7:00 PM",
        )
        winter = self._generate(semester=self.sem_2026_11).with_context(lang="fr_FR")
        self.assertEqual(winter._health_date_label(), "lundi 16 novembre 2026 à 19 h 00")
        # the evening's timezone, not the user's
        winter.date_tz = "America/Martinique"
        self.assertEqual(winter._health_date_label(), "lundi 16 novembre 2026 à 14 h 00")

    def test_mails_write_the_date_label(self):
        self.mayor.lang = "fr_FR"
        self.event.health_guest_partner_ids = self.mayor
        self.event.action_health_invite()
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "health.event.invitation"),
                ("res_id", "in", self.event.health_invitation_ids.ids),
                ("recipient_ids", "in", self.mayor.ids),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("dimanche 16 mai 2027 à 19 h 00", mail.body_html)
        self.assertNotIn("+0200", mail.body_html)
        self.assertNotIn("19:00:00", mail.body_html)

    def test_upgrade_rewrites_the_date_of_the_templates(self):
        """The templates are not updated by an upgrade (noupdate): the
        migration replaces the old date expression, keeping the rest."""
        template = self.env.ref("health_events.mail_template_reminder")
        old = (
            "format_datetime(object.event_id.date_begin, tz=object.event_id.date_tz, "
            "dt_format='long')"
        )
        body = template.body_html.replace("object.event_id._health_date_label()", old)
        template.body_html = body.replace("Hello", "Bonjour à vous")
        self.assertIn(old, template.body_html)
        self.env.flush_all()
        path = f"{get_module_path('health_events')}/migrations/18.0.1.2.0/post-migrate.py"
        spec = importlib.util.spec_from_file_location("health_events_post_migrate", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.1.0")
        template.invalidate_recordset(["body_html"])
        self.assertNotIn(old, template.body_html)
        self.assertIn("object.event_id._health_date_label()", template.body_html)
        # the organisers' own text is kept
        self.assertIn("Bonjour à vous", template.body_html)

    # ------------------------------------------------------------ tonight
    def test_tonight(self):
        Event = self.env["event.event"].with_user(self.user_events)
        Registration = self.env["event.registration"].with_user(self.user_events)
        tonight = [("event_id.health_is_tonight", "=", True)]
        for now, expected in (
            # the morning of the evening, in Paris
            ("2027-05-16 06:00:00", True),
            # 23:30 in Paris the day before (21:30 UTC): not tonight yet
            ("2027-05-15 21:30:00", False),
            # 00:30 in Paris on the day (22:30 UTC the day before)
            ("2027-05-15 22:30:00", True),
            ("2027-05-17 08:00:00", False),
        ):
            with self.subTest(now=now), freeze_time(now):
                self.assertEqual(
                    self.event in Event.search([("health_is_tonight", "=", True)]), expected
                )
                self.assertEqual(bool(Registration.search(tonight)), expected)
                self.env.invalidate_all()
                event = self.event.with_user(self.user_events)
                self.assertEqual(
                    event.read(["health_is_tonight"])[0]["health_is_tonight"], expected
                )
                self.assertEqual(
                    self.event in Event.search([("health_is_tonight", "!=", True)]), not expected
                )

    def test_check_in_list_opens_on_tonight(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_events.event_registration_action_health_checkin"
        )
        self.assertIn("'search_default_health_tonight': 1", action["context"])
        # from the evening: the list of that evening, whatever the day
        action = self.event.action_health_view_checkin()
        self.assertNotIn("search_default_health_tonight", action["context"])

    # ------------------------------------------------------------ attendance
    def test_no_attendance_before_the_evening_day(self):
        registration = self.registration.with_user(self.user_events)
        for now in ("2027-03-15 10:00:00", "2027-05-15 21:59:00"):
            with self.subTest(now=now), freeze_time(now):
                with self.assertRaises(UserError) as error:
                    registration.action_health_mark_attended()
                self.assertIn("not before", str(error.exception))
                # as XML-RPC would send it, and by the manager
                with self.assertRaises(UserError):
                    registration.write({"state": "done"})
                with self.assertRaises(UserError):
                    self.registration.with_user(self.user_events_manager).write({"state": "done"})
                self.assertEqual(self.registration.state, "open")

    def test_no_attendance_created_before_the_evening_day(self):
        Registration = self.env["event.registration"].with_user(self.user_events)
        count = Registration.search_count([("event_id", "=", self.event.id)])
        with self.assertRaises(UserError):
            Registration.create(
                {"event_id": self.event.id, "partner_id": self.mayor.id, "state": "done"}
            )
        self.assertEqual(Registration.search_count([("event_id", "=", self.event.id)]), count)

    def test_error_is_translated(self):
        with self.assertRaises(UserError) as error:
            self.registration.with_user(self.user_events).with_context(
                lang="fr_FR"
            ).action_health_mark_attended()
        self.assertIn("dimanche 16 mai 2027 à 19 h 00", str(error.exception))
        self.assertIn("pas avant", str(error.exception))

    def test_attendance_on_the_evening_day(self):
        # 00:30 in Paris on the day of the evening
        with freeze_time("2027-05-15 22:30:00"):
            self.registration.with_user(self.user_events).action_health_mark_attended()
        self.assertEqual(self.registration.state, "done")
        second = self.invitations[1].registration_id
        with freeze_time(datetime(2027, 5, 16, 21, 59)):
            second.with_user(self.user_events).action_health_mark_attended()
        self.assertEqual(second.state, "done")

    def test_after_the_evening_day_the_manager_corrects(self):
        registration = self.invitations[2].registration_id
        # 00:30 in Paris the day after
        with freeze_time("2027-05-16 22:30:00"):
            with self.assertRaises(UserError):
                registration.with_user(self.user_events).action_health_mark_attended()
            self.assertEqual(registration.state, "open")
            registration.with_user(self.user_events_manager).action_health_mark_attended()
        self.assertEqual(registration.state, "done")

    def test_other_events_are_not_concerned(self):
        event = self.env["event.event"].create(
            {
                "name": "Conference",
                "date_begin": datetime(2027, 9, 1, 8, 0),
                "date_end": datetime(2027, 9, 1, 17, 0),
            }
        )
        registration = self.env["event.registration"].create(
            {"event_id": event.id, "name": "Visitor"}
        )
        registration.with_user(self.user_events).action_health_mark_attended()
        self.assertEqual(registration.state, "done")

    # ------------------------------------------------------------ kit
    def test_kit_button_is_an_action(self):
        arch = self.env["event.registration"].get_view(
            self.env.ref("health_events.event_registration_view_list_health_checkin").id, "list"
        )["arch"]
        self.assertIn('string="Hand Over the Kit"', arch)
        self.assertNotIn("Kit Given", arch)
        field = (
            self.env["ir.model.fields"]
            .with_context(lang="fr_FR")
            ._get("event.registration", "health_kit_received")
        )
        self.assertEqual(field.field_description, "Kit remis")


@tagged("post_install", "-at_install")
class TestPersonas(HealthEventsCommon):
    def test_demo_organiser_is_events_user_only(self):
        organiser = self.env.ref("health_events.user_event_organiser_demo", False)
        if not organiser:
            self.skipTest("no demo data")
        expected = self.env.ref("base.group_user") | self.env.ref(
            "health_events.group_health_events_user"
        )
        self.assertEqual(organiser.groups_id, expected | expected.trans_implied_ids)
        self.assertEqual(organiser.login, "organisation-soirees")
        officer = self.env.ref("health_base.user_health_officer_demo")
        self.assertFalse(officer.has_group("health_events.group_health_events_user"))
        manager = self.env.ref("health_base.user_health_manager_demo")
        self.assertTrue(manager.has_group("health_events.group_health_events_manager"))
