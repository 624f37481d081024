from datetime import timedelta

import pytz

from odoo import fields
from odoo.addons.health_base import tools
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="hre_tour_officer",
            groups="base.group_user,health_recruitment.group_recruitment_user,"
            "health_events.group_health_events_user",
            name="Tour Officer",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        cls.env.ref("health_recruitment.crm_team_recruitment").member_ids = [(4, cls.officer.id)]
        dept = cls.env["health.territory"].create(
            {"name": "Tour Département", "territory_type": "departement", "code": "2B"}
        )
        epci = cls.env["health.territory"].create(
            {
                "name": "CC de la Tour Glue",
                "territory_type": "epci",
                "code": "200000097",
                "parent_id": dept.id,
            }
        )
        # the browser runs on the machine's clock: an evening tonight (the
        # check-in list opens on tonight's evenings, attendances are recorded
        # on the evening's day), in the semester of that day (created if
        # missing, found if it exists)
        start = fields.Datetime.now().replace(second=0, microsecond=0)
        day = pytz.utc.localize(start).astimezone(pytz.timezone("Europe/Paris")).date()
        Semester = cls.env["health.internship.semester"].with_context(active_test=False)
        Semester._cron_create_upcoming_semesters(day)
        semester = Semester.get_for_date(day)
        cls.intern = cls.env["res.partner"].create(
            {
                "name": "Tour Interne Glue",
                "email": "interne.glue.tour@example.com",
                "health_role_ids": [(6, 0, cls.env.ref("health_base.role_intern").ids)],
            }
        )
        cls.event = cls.env["event.event"].create(
            {
                "name": "Soirée du tour",
                "date_tz": "Europe/Paris",
                "event_type_id": cls.env.ref("health_events.event_type_welcome_evening").id,
                "date_begin": start,
                "date_end": start + timedelta(hours=3),
                "health_territory_id": epci.id,
                "health_semester_id": semester.id,
            }
        )
        invitation = cls.env["health.event.invitation"].create(
            {"event_id": cls.event.id, "partner_id": cls.intern.id, "category": tools.ROLE_INTERN}
        )
        invitation.action_register()
        cls.registration = invitation.registration_id

    def test_attendance_tour(self):
        self.start_tour("/odoo", "health_recruitment_events_tour", login="hre_tour_officer")
        self.assertEqual(self.registration.state, "done")
        lead = self.env["crm.lead"].search([("partner_id", "=", self.intern.id)])
        self.assertEqual(lead.name, "Candidature de Tour Interne Glue")
