from odoo.addons.health_base.tests.common import HealthBaseCommon
from odoo.tests import new_test_user


class DeskCommon(HealthBaseCommon):
    """Two desks, categories with target times, a partner institution with a
    portal contact, and the users of each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_notrack=False))
        Team = cls.env["helpdesk.ticket.team"]
        cls.desk = Team.create(
            {"name": "Desk A", "health_is_desk": True, "alias_name": "desk-a-test"}
        )
        cls.desk_b = Team.create({"name": "Desk B", "health_is_desk": True})
        cls.desk_officer = new_test_user(
            cls.env,
            login="hd_officer",
            groups="base.group_user,health_desk.group_health_desk_user",
            name="Desk Officer",
        )
        cls.desk_officer_b = new_test_user(
            cls.env,
            login="hd_officer_b",
            groups="base.group_user,health_desk.group_health_desk_user",
            name="Desk Officer B",
        )
        cls.desk_manager = new_test_user(
            cls.env,
            login="hd_manager",
            groups="base.group_user,health_desk.group_health_desk_manager",
            name="Desk Manager",
        )
        cls.desk.user_ids = cls.desk_officer
        cls.desk_b.user_ids = cls.desk_officer_b
        Partner = cls.env["res.partner"]
        cls.cpam = Partner.create(
            {
                "name": "CPAM Test",
                "is_company": True,
                "health_organization_type_id": cls.env.ref("health_base.org_type_cpam").id,
            }
        )
        cls.cpam_contact = Partner.create(
            {"name": "Claire Caisse", "parent_id": cls.cpam.id, "email": "claire@cpam.example"}
        )
        cls.cpam_user = new_test_user(
            cls.env,
            login="hd_cpam",
            groups="base.group_portal",
            partner_id=cls.cpam_contact.id,
        )
        cls.ars = Partner.create({"name": "ARS Test", "is_company": True})
        cls.ars_contact = Partner.create(
            {"name": "Arnaud Agence", "parent_id": cls.ars.id, "email": "arnaud@ars.example"}
        )
        cls.ars_user = new_test_user(
            cls.env, login="hd_ars", groups="base.group_portal", partner_id=cls.ars_contact.id
        )
        Category = cls.env["helpdesk.ticket.category"]
        cls.cat_admin = Category.create(
            {
                "name": "Admin steps test",
                "health_team_id": cls.desk.id,
                "health_partner_id": cls.cpam.id,
                "health_target_days": 3,
                "health_canned_answer": "<p>Register with the Order first.</p>",
            }
        )
        cls.cat_housing = Category.create(
            {"name": "Housing test", "health_team_id": cls.desk_b.id, "health_target_days": 0}
        )
        cls.channel_phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.channel_web = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        cls.channel_email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.stage_transferred = cls.env.ref("health_desk.helpdesk_ticket_stage_transferred")
        cls.stage_answered = cls.env.ref("health_desk.helpdesk_ticket_stage_answered")

    def _ticket(self, user=None, **values):
        vals = {
            "name": "Question",
            "description": "<p>Where do I register?</p>",
            "category_id": self.cat_admin.id,
            "channel_id": self.channel_phone.id,
            "partner_name": "Alice Requester",
            "partner_email": "alice.requester@example.org",
        }
        vals.update(values)
        Ticket = self.env["helpdesk.ticket"]
        if user:
            Ticket = Ticket.with_user(user)
        return Ticket.create(vals)

    def _form(self, **values):
        post = {
            "kind": "student",
            "name": "Bob Student",
            "email": "bob.student@example.org",
            "category_id": str(self.cat_admin.id),
            "subject": "Internship question",
            "description": "Which internship supervisors are there?",
            "consent": "1",
        }
        post.update(values)
        return self.env["helpdesk.ticket"]._health_desk_create_from_form(post, "203.0.113.7")
