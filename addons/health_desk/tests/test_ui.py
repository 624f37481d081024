from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """A student's question from the public form to its closing: the visitor
    asks, the officer transfers to the CPAM, the CPAM contact answers on the
    portal, the officer closes; the student gets an e-mail at each step."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.desk = cls.env["helpdesk.ticket.team"].create(
            {"name": "Guichet tour", "health_is_desk": True}
        )
        cls.officer = new_test_user(
            cls.env,
            login="hd_tour_officer",
            groups="base.group_user,health_desk.group_health_desk_user",
            name="Agent Tour",
            lang="fr_FR",
        )
        cls.desk.user_ids = cls.officer
        cls.cpam = cls.env["res.partner"].create({"name": "CPAM tour", "is_company": True})
        cls.cpam_contact = cls.env["res.partner"].create(
            {"name": "Conseillère Tour", "parent_id": cls.cpam.id, "email": "tour@cpam.example"}
        )
        new_test_user(
            cls.env,
            login="hd_tour_cpam",
            groups="base.group_portal",
            partner_id=cls.cpam_contact.id,
            lang="fr_FR",
        )
        cls.category = cls.env["helpdesk.ticket.category"].create(
            {
                "name": "Démarches tour",
                "health_team_id": cls.desk.id,
                "health_partner_id": cls.cpam.id,
                "health_target_days": 5,
            }
        )

    def test_desk_tour(self):
        self.start_tour("/guichet", "health_desk_visitor_tour")
        ticket = self.env["helpdesk.ticket"].search([("category_id", "=", self.category.id)])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.team_id, self.desk)
        self.assertEqual(ticket.partner_id.email, "lea.tourbillon@example.org")
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertTrue(ticket.health_consent_date)

        self.start_tour(
            "/odoo/action-health_desk.helpdesk_ticket_action_desk",
            "health_desk_officer_tour",
            login="hd_tour_officer",
        )
        self.assertEqual(ticket.health_transfer_partner_id, self.cpam)

        self.start_tour("/my/tickets", "health_desk_partner_tour", login="hd_tour_cpam")
        self.assertIn("puis prenez rendez-vous", ticket.health_partner_answer)
        self.assertTrue(ticket.health_answered_in_time)

        # the CPAM may answer, not close the student's request (OCA's portal
        # closing route is guarded by the desk)
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.authenticate("hd_tour_cpam", "hd_tour_cpam")
        response = self.url_open(f"/ticket/close?ticket_id={ticket.id}&stage_id={done.id}")
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ticket.closed)

        self.env.flush_all()
        self.env.cr.precommit.run()  # a commit ends the transfer's transaction
        ticket.with_user(self.officer).write(
            {"stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id}
        )
        self.env.flush_all()
        self.env.cr.precommit.run()  # the closing e-mail goes with the tracking
        self.assertTrue(ticket.closed)
        # the student was written to at each step: received, transferred, answered, closed
        to_student = ticket.message_ids.filtered(
            lambda message: ticket.partner_id in message.partner_ids
        )
        self.assertGreaterEqual(len(to_student), 4, to_student.mapped("subject"))
