from datetime import datetime

from odoo.addons.health_base.tests.common import HealthBaseCommon, QueryCountMixin
from odoo.tests import new_test_user

# The tests run on this date, whatever the machine's clock says: the morning
# of the evenings of the May 2027 semester (20 May, 19:00 in Paris), the day
# their attendances may be recorded (health_events refuses them on another day).
REFERENCE_NOW = "2027-05-20 10:00:00"


class RecruitmentEventsCommon(QueryCountMixin, HealthBaseCommon):
    """The suite's users and territory tree (HealthBaseCommon), a welcome
    evening with interns, the least privileged user of each side and one of
    both; records are created here, not taken from demo data.  The clock is
    frozen at REFERENCE_NOW."""

    freeze_time = REFERENCE_NOW

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.organiser = new_test_user(
            cls.env,
            login="hre_organiser",
            groups="base.group_user,health_events.group_health_events_user",
            name="Evening Organiser",
            tz="Europe/Paris",
        )
        cls.officer = new_test_user(
            cls.env,
            login="hre_officer",
            groups="base.group_user,health_recruitment.group_recruitment_user",
            name="Recruitment Officer",
        )
        cls.officer_organiser = new_test_user(
            cls.env,
            login="hre_both",
            groups="base.group_user,health_recruitment.group_recruitment_user,"
            "health_events.group_health_events_user",
            name="Officer and Organiser",
        )
        cls.team = cls.env.ref("health_recruitment.crm_team_recruitment")
        cls.team.member_ids = [(4, cls.officer.id), (4, cls.officer_organiser.id)]
        cls.first_stage = cls.env["crm.lead"]._stage_find(
            team_id=cls.team.id, domain=[("fold", "=", False)]
        )
        cls.source = cls.env.ref("health_recruitment.utm_source_intern_evening")
        # the evenings of the territory tree of HealthBaseCommon
        cls.epci, cls.epci_other = cls.epci_a, cls.epci_b
        # may exist already (demo data, scheduled action): looked for first
        Semester = cls.env["health.internship.semester"].with_context(active_test=False)
        cls.semester = Semester.search(
            [("year", "=", 2027), ("season", "=", "may")]
        ) or Semester.create({"year": 2027, "season": "may"})
        cls.interns = cls.env["res.partner"].create(
            [
                {
                    "name": f"Interne Glue {i}",
                    "email": f"interne.glue.{i}@example.com",
                    "health_role_ids": [(6, 0, cls.role_intern.ids)],
                }
                for i in range(6)
            ]
        )
        cls.msu = cls.env["res.partner"].create(
            {
                "name": "Dr Maître de stage",
                "email": "msu.glue@example.com",
                "health_role_ids": [(6, 0, cls.role_msu.ids)],
            }
        )
        cls.event_type = cls.env.ref("health_events.event_type_welcome_evening")
        cls.event = cls._make_event("Soirée des internes de mai")

    @classmethod
    def _make_event(cls, name, event_type=None, day=20, territory=None):
        return cls.env["event.event"].create(
            {
                "name": name,
                "event_type_id": (event_type or cls.event_type).id,
                "date_begin": datetime(2027, 5, day, 17, 0),
                "date_end": datetime(2027, 5, day, 20, 0),
                "date_tz": "Europe/Paris",
                "health_territory_id": (territory or cls.epci).id,
                "health_semester_id": cls.semester.id,
                "seats_limited": False,
            }
        )

    @classmethod
    def _register(cls, partners, event=None):
        return cls.env["event.registration"].create(
            [
                {
                    "event_id": (event or cls.event).id,
                    "partner_id": partner.id,
                    "name": partner.name,
                    "email": partner.email,
                }
                for partner in partners
            ]
        )

    def _candidacies(self, partners):
        return self.env["crm.lead"].search(
            [("partner_id", "in", partners.ids), ("health_is_recruitment", "=", True)]
        )
