from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DeskCommon


@tagged("post_install", "-at_install")
class TestTransfer(DeskCommon):
    def _subjects(self, ticket, xmlid):
        template = self.env.ref(xmlid)
        expected = template._render_field("subject", ticket.ids, compute_lang=True)[ticket.id]
        return [subject for subject in ticket.message_ids.mapped("subject") if subject == expected]

    def _transfer(self, ticket, institution=None, user=None):
        wizard = (
            self.env["health.desk.transfer"]
            .with_user(user or self.desk_officer)
            .with_context(
                **ticket.with_user(user or self.desk_officer).action_health_desk_transfer()[
                    "context"
                ]
            )
            .create({})
        )
        if institution:
            wizard.partner_id = institution
        wizard.message = "Can you tell us the steps?"
        wizard.action_confirm()

    def _commit(self):
        """What a commit does: the tracking (and its e-mails) of the transaction."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_transfer_answer_close(self):
        ticket = self._ticket(user=self.desk_officer)
        self._commit()
        # the category's partner institution is proposed, with its contact
        self._transfer(ticket)
        self.assertEqual(ticket.stage_id, self.stage_transferred)
        self.assertEqual(ticket.health_transfer_partner_id, self.cpam)
        self.assertEqual(ticket.health_transfer_contact_id, self.cpam_contact)
        self.assertIn(self.cpam_contact, ticket.message_partner_ids)
        self.assertTrue(self._subjects(ticket, "health_desk.mail_template_request_transferred"))
        self.assertFalse(ticket.health_first_answer_date)
        # the CPAM contact reads and answers on the portal
        as_cpam = ticket.with_user(self.cpam_user)
        self.assertEqual(as_cpam.name, "Question")
        as_cpam.message_post(
            body="Register with the CPAM after the Order.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(ticket.health_partner_answer, "Register with the CPAM after the Order.")
        self.assertTrue(ticket.health_partner_answer_date)
        self.assertEqual(ticket.health_first_answer_date, ticket.health_partner_answer_date)
        self.assertEqual(ticket.stage_id, self.stage_answered)
        self.assertTrue(self._subjects(ticket, "health_desk.mail_template_request_answered"))
        # the officer closes: the desk's closing e-mail with the satisfaction links
        ticket.with_user(self.desk_officer).with_context(tracking_disable=False).write(
            {"stage_id": self.stage_done.id}
        )
        self._commit()
        self.assertTrue(ticket.closed_date)
        self.assertTrue(
            self._subjects(ticket, "health_desk.mail_template_request_closed"),
            ticket.message_ids.mapped(lambda m: (m.subject, m.body[:60], m.tracking_value_ids.ids)),
        )
        # and not OCA's generic one of the stage
        self.assertFalse(self._subjects(ticket, "helpdesk_mgmt.closed_ticket_template"))
        self.assertTrue(ticket._health_desk_set_satisfaction("3"))
        self.assertEqual(ticket.health_satisfaction, "3")
        self.assertFalse(ticket._health_desk_set_satisfaction("9"))

    def test_other_institution_cannot_read(self):
        ticket = self._ticket(user=self.desk_officer)
        self._transfer(ticket)
        with self.assertRaises(AccessError):
            ticket.with_user(self.ars_user).read(["name"])
        # transferred again to the ARS: the CPAM loses it
        self._transfer(ticket, institution=self.ars)
        self.assertEqual(ticket.with_user(self.ars_user).name, "Question")
        ticket.invalidate_recordset()
        with self.assertRaises(AccessError):
            ticket.with_user(self.cpam_user).read(["name"])

    def test_transfer_rights(self):
        ticket = self._ticket(user=self.desk_officer)
        with self.assertRaises(UserError):
            ticket.with_user(self.user_officer)._health_desk_transfer(
                self.cpam, self.cpam_contact, ""
            )
        with self.assertRaises(AccessError):
            self.env["health.desk.transfer"].with_user(self.user_officer).create(
                {"ticket_id": ticket.id, "partner_id": self.cpam.id}
            )
        ticket.stage_id = self.stage_done
        with self.assertRaises(UserError):
            ticket.with_user(self.desk_officer)._health_desk_transfer(
                self.cpam, self.cpam_contact, ""
            )
        self.assertFalse(ticket.health_transfer_partner_id)

    def test_canned_answer(self):
        ticket = self._ticket(user=self.desk_officer)
        ticket.with_user(self.desk_officer).action_health_desk_canned_answer()
        self.assertIn("Register with the Order first.", ticket.message_ids[0].body)
        self.assertTrue(ticket.health_first_answer_date)
        ticket.category_id = self.cat_housing
        with self.assertRaises(UserError):
            ticket.with_user(self.desk_officer).action_health_desk_canned_answer()
