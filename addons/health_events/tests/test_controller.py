from unittest.mock import patch

from odoo import Command
from odoo.addons.health_base import tools
from odoo.addons.health_events.controllers.main import HealthEventInvitationController
from odoo.tests import HttpCase, tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestInvitationLinks(HttpCase, HealthEventsCommon):
    """Invitees answer from the mail links, as public users without an account.

    The page speaks the invitee's language: French here.  The requests are
    served by the test's HTTP server on the machine's clock: the evening is
    the one of the semester after the real today (created if missing).
    """

    freeze_time = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        semester = cls.env["event.event"]._health_next_semester()
        cls.interns.health_internship_semester_ids = [Command.link(semester.id)]
        cls.event = cls._generate(semester=semester)
        cls.invitation = cls.event.health_invitation_ids.filtered(
            lambda inv: inv.category == tools.ROLE_INTERN
        )[0]
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.invitation.partner_id.lang = "fr_FR"
        cls.invitation.action_send()

    def _url(self, answer, token=None):
        return (
            f"/health_events/invitation/{self.invitation.id}/"
            f"{token or self.invitation.access_token}/{answer}"
        )

    def test_accept_through_the_token(self):
        page = self.url_open(self._url("accept"))
        self.assertEqual(page.status_code, 200)
        self.assertIn("Oui, je participerai", page.text)
        # the date as people read it: in French, without seconds nor offset
        label = self.event.with_context(lang="fr_FR")._health_date_label()
        self.assertRegex(label, r"^\w+ \d{1,2} \w+ \d{4} à 19 h 00$")
        self.assertIn(label, page.text)
        self.assertNotRegex(page.text, r"\d:\d\d:\d\d|\+0\d00")
        # the GET (a mail scanner following the link) changes nothing
        self.assertEqual(self.invitation.state, "invited")
        page = self.url_open(
            self._url("accept"),
            data={
                "confirm": "1",
                "companions": "1",
                "dietary_need": "vegetarian",
                "needs_transport": "1",
                "photo_consent": "1",
            },
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("votre inscription est confirmée", page.text)
        self.assertEqual(self.invitation.state, "registered")
        registration = self.invitation.registration_id
        self.assertEqual(registration.state, "open")
        self.assertEqual(registration.health_companion_count, 1)
        self.assertEqual(registration.health_dietary_need, "vegetarian")
        self.assertTrue(registration.health_needs_transport)
        self.assertTrue(registration.health_photo_consent)
        # again: idempotent
        self.url_open(self._url("accept"), data={"confirm": "1"})
        self.assertEqual(self.event.registration_ids, registration)
        self.assertIn(self.invitation.partner_id.name, self.event.message_ids[0].body)

    def test_decline_through_the_token(self):
        page = self.url_open(self._url("decline"), data={"confirm": "1"})
        self.assertEqual(page.status_code, 200)
        self.assertIn("vous ne participerez pas", page.text)
        self.assertEqual(self.invitation.state, "declined")
        self.assertFalse(self.invitation.registration_id)

    def test_bad_details_are_refused_clearly(self):
        for data in ({"companions": "-2"}, {"companions": "many"}, {"dietary_need": "cake"}):
            page = self.url_open(self._url("accept"), data=dict(data, confirm="1"))
            self.assertEqual(page.status_code, 400, data)
            self.assertIn("o_health_error", page.text)
        # in the invitee's language
        self.assertIn("Choisissez votre régime alimentaire dans la liste.", page.text)
        self.assertEqual(self.invitation.state, "invited")
        self.assertFalse(self.event.registration_ids)

    def test_bad_token_is_refused_clearly(self):
        token = self.invitation.access_token
        for url in (
            self._url("accept", token="not-the-token"),
            self._url("accept", token="é" * 32),  # not ASCII
            self._url("accept", token="%00" + token[1:]),
            self._url("accept", token="x" * 5000),
            self._url("accept", token=token[:-1]),
            self._url("maybe"),
            f"/health_events/invitation/999999999/{token}/accept",
            f"/health_events/invitation/99999999999999999999/{token}/accept",  # > 32 bits
            f"/health_events/invitation/0/{token}/accept",
        ):
            for data in (None, {"confirm": "1"}):  # GET, then POST
                page = self.url_open(url, data=data)
                self.assertEqual(page.status_code, 404, url)
                self.assertIn("o_health_invalid", page.text, url)
        # not even a number: Odoo's own page not found
        page = self.url_open(f"/health_events/invitation/abc/{token}/accept")
        self.assertEqual(page.status_code, 404)
        self.assertEqual(self.invitation.state, "invited")
        self.assertFalse(self.event.registration_ids)

    def test_bad_form_values_are_refused_clearly(self):
        for data in (
            {"companions": "²"},  # a digit for str.isdigit(), not for int()
            {"companions": "1.5"},
            {"companions": "1e3"},
            {"companions": "99999999999999999999"},
            {"companions": "٣"},  # Arabic-Indic three
            {"dietary_need": "x" * 10000},
        ):
            page = self.url_open(self._url("accept"), data=dict(data, confirm="1"))
            self.assertEqual(page.status_code, 400, data)
            self.assertIn("o_health_error", page.text, data)
        # a long note is cut, not refused
        page = self.url_open(
            self._url("accept"), data={"confirm": "1", "dietary_note": "n" * 10000}
        )
        self.assertEqual(page.status_code, 200)
        self.assertEqual(len(self.invitation.registration_id.health_dietary_note), 200)

    def test_refused_answer_shows_the_reason(self):
        """A rule of the registration that refuses the answer gives a page that
        says why, not a traceback, and the answer is not recorded."""
        too_many = ({"health_companion_count": 11, "health_dietary_need": "none"}, None)
        with patch.object(
            HealthEventInvitationController, "_health_parse_details", return_value=too_many
        ):
            page = self.url_open(self._url("accept"), data={"confirm": "1"})
        self.assertEqual(page.status_code, 400)
        self.assertIn("o_health_error", page.text)
        self.assertRegex(page.text, "entre 0 et 10")  # the constraint's message, in French
        self.assertEqual(self.invitation.state, "invited")
        self.assertFalse(self.event.registration_ids)
