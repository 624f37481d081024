from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="he_tour_organiser",
            groups="base.group_user,health_events.group_health_events_user",
            name="Tour Organiser",
            email="tour.organiser@example.com",
            tz="Europe/Paris",
        )
        Territory = cls.env["health.territory"]
        dept = Territory.create(
            {"name": "Tour Département", "territory_type": "departement", "code": "2B"}
        )
        cls.epci = Territory.create(
            {
                "name": "CC des Collines du Tour",
                "territory_type": "epci",
                "code": "200000099",
                "parent_id": dept.id,
            }
        )
        commune = Territory.create(
            {
                "name": "Saint-Tour-des-Monts",
                "territory_type": "commune",
                "code": "2B190",
                "parent_id": cls.epci.id,
            }
        )
        cls.semester = cls.env["event.event"]._health_next_semester()
        cls.intern = cls.env["res.partner"].create(
            {
                "name": "Tour Intern Zoé",
                "email": "zoe.tour@example.com",
                "health_role_ids": [(6, 0, cls.env.ref("health_base.role_intern").ids)],
                "health_territory_id": commune.id,
                "health_internship_semester_ids": [(6, 0, cls.semester.ids)],
            }
        )

    def test_welcome_evening_tour(self):
        self.start_tour("/odoo", "health_events_welcome_evening_tour", login="he_tour_organiser")
        event = self.env["event.event"].search([("health_territory_id", "=", self.epci.id)])
        self.assertEqual(event.health_semester_id, self.semester)
        invitation = event.health_invitation_ids.filtered(lambda inv: inv.partner_id == self.intern)
        self.assertEqual(invitation.state, "registered")
        self.assertEqual(invitation.registration_id.state, "done")
