from odoo.tests import HttpCase, tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestInvitationLinks(HttpCase, HealthEventsCommon):
    """Invitees answer from the mail links, as public users without an account.

    The page speaks the invitee's language: French here.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._generate()
        cls.invitation = cls.event.health_invitation_ids.filtered(
            lambda inv: inv.category == "intern"
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
        self.assertEqual(self.invitation.state, "invited")
        self.assertFalse(self.event.registration_ids)

    def test_bad_token_is_refused_clearly(self):
        for url in (
            self._url("accept", token="not-the-token"),
            self._url("maybe"),
            f"/health_events/invitation/999999999/{self.invitation.access_token}/accept",
        ):
            page = self.url_open(url, data={"confirm": "1"})
            self.assertEqual(page.status_code, 404, url)
            self.assertIn("o_health_invalid", page.text)
        self.assertEqual(self.invitation.state, "invited")
        self.assertFalse(self.event.registration_ids)
