import hashlib

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import DeskCommon

EMAIL = """Return-Path: <dina.doctor@example.org>
From: Dina Doctor <dina.doctor@example.org>
To: desk-a-test@{domain}
Subject: Housing for my locum
Message-ID: <{msgid}@example.org>
Date: Mon, 30 Nov 2026 10:00:00 +0100
Content-Type: text/plain; charset=utf-8

Is there housing for locums in Sornac?
"""


@tagged("post_install", "-at_install")
class TestChannels(DeskCommon):
    def _mail(self, msgid):
        domain = self.env.company.alias_domain_id.name or "example.com"
        if not self.env.company.alias_domain_id:
            self.env.company.alias_domain_id = self.env["mail.alias.domain"].create(
                {"name": domain}
            )
        with mute_logger("odoo.addons.mail.models.mail_thread"):
            return self.env["mail.thread"].message_process(
                False, EMAIL.format(domain=domain, msgid=msgid)
            )

    def test_officer_phone_entry(self):
        """A call recorded by the officer: routed to the category's desk, the
        caller's contact created, the caller told by e-mail."""
        ticket = self._ticket(user=self.desk_officer)
        self.assertEqual(ticket.team_id, self.desk)
        self.assertTrue(ticket.health_is_desk)
        self.assertEqual(ticket.channel_id, self.channel_phone)
        self.assertEqual(ticket.partner_id.email, "alice.requester@example.org")
        self.assertEqual(ticket.partner_id.lang, "fr_FR")
        received = self.env.ref("health_desk.mail_template_request_received")
        subjects = ticket.message_ids.mapped("subject")
        self.assertIn(
            received._render_field("subject", ticket.ids, compute_lang=True)[ticket.id], subjects
        )

    def test_email_alias(self):
        """An e-mail to the desk's alias becomes a request of that desk, channel
        e-mail; a second e-mail of the same sender reuses the contact."""
        ticket_id = self._mail("first")
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertEqual(ticket.team_id, self.desk)
        self.assertEqual(ticket.channel_id, self.channel_email)
        self.assertEqual(ticket.partner_id.email, "dina.doctor@example.org")
        self.assertEqual(ticket.partner_id.name, "Dina Doctor")
        second = self.env["helpdesk.ticket"].browse(self._mail("second"))
        self.assertEqual(second.partner_id, ticket.partner_id)
        self.assertEqual(
            self.env["res.partner"].search_count([("email", "=", "dina.doctor@example.org")]), 1
        )

    def test_public_form(self):
        ticket = self._form(territory_id=str(self.commune_a1.id), rpps="")
        self.assertEqual(ticket.channel_id, self.channel_web)
        self.assertEqual(ticket.team_id, self.desk)
        self.assertFalse(ticket.user_id)
        self.assertEqual(ticket.health_requester_kind, "student")
        self.assertEqual(ticket.health_territory_id, self.commune_a1)
        self.assertTrue(ticket.health_consent_date)
        self.assertEqual(
            ticket.health_consent_text, self.env["helpdesk.ticket"]._health_desk_consent_text()
        )
        self.assertEqual(ticket.partner_id.email, "bob.student@example.org")
        self.assertTrue(ticket.health_remote_hash)
        self.assertNotIn("203.0.113.7", ticket.health_remote_hash)
        # keyed: a plain hash of the address cannot be matched back to it
        self.assertNotEqual(
            ticket.health_remote_hash, hashlib.sha256(b"203.0.113.7").hexdigest()[:32]
        )

    def test_public_form_bad_input(self):
        Ticket = self.env["helpdesk.ticket"]
        count = Ticket.search_count([])
        partners = self.env["res.partner"].search_count([])
        bad_posts = [
            {"consent": ""},
            {"email": "not-an-email"},
            {"name": ""},
            {"category_id": "999999999"},
            {"category_id": "abc"},
            {"description": "x" * 10001},
            {"rpps": "12345678901"},  # wrong check digit
            {"name": "n" * 10000},
        ]
        for post in bad_posts:
            with self.subTest(post=list(post)), self.assertRaises(UserError):
                self._form(**post)
        self.assertEqual(Ticket.search_count([]), count)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_public_form_rate_limit(self):
        self.env["ir.config_parameter"].set_param("health_desk.form_max_per_hour", 2)
        self._form()
        self._form(email="other@example.org")
        with self.assertRaises(UserError):
            self._form(email="third@example.org")
