from datetime import timedelta

from freezegun import freeze_time

from odoo.addons.health_base import tools
from odoo.addons.health_base.tests.common import HealthBaseCommon, QueryCountMixin
from odoo.tests import new_test_user

# The tests run on this date, whatever the machine's clock says: the November
# 2026 semester is under way, its evening (16 November) is over, and the next
# semester is May 2027, with its evening on 16 May 2027 to come.
REFERENCE_NOW = "2027-03-15 10:00:00"


class HealthEventsCommon(QueryCountMixin, HealthBaseCommon):
    """The suite's users and territory tree (HealthBaseCommon), event
    organisers, semesters and interns.

    Test records are created here rather than taken from the demo data so
    that the tests also run on a database without demo data.  The clock is
    frozen at REFERENCE_NOW (``freeze_time``, from the class set-up on).
    """

    freeze_time = REFERENCE_NOW

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_events = new_test_user(
            cls.env,
            login="he_organiser",
            groups="base.group_user,health_events.group_health_events_user",
            name="Event Organiser",
            email="organiser@example.com",
            tz="Europe/Paris",
        )
        cls.user_events_manager = new_test_user(
            cls.env,
            login="he_manager",
            groups="base.group_user,health_events.group_health_events_manager",
            name="Events Manager",
            tz="Europe/Paris",
        )
        cls.sem_2026_05 = cls._semester(2026, "may")
        cls.sem_2026_11 = cls._semester(2026, "november")
        cls.sem_2027_05 = cls._semester(2027, "may")
        Partner = cls.env["res.partner"]
        cls.interns = Partner.create(
            [
                {
                    "name": f"Intern Alpha {i}",
                    "email": f"intern.alpha.{i}@example.com",
                    "health_role_ids": [(6, 0, cls.role_intern.ids)],
                    "health_territory_id": cls.commune_a1.id,
                    "health_internship_semester_ids": [(6, 0, cls.sem_2027_05.ids)],
                }
                for i in range(3)
            ]
        )
        cls.intern_beta = Partner.create(
            {
                "name": "Intern Beta",
                "email": "intern.beta@example.com",
                "health_role_ids": [(6, 0, cls.role_intern.ids)],
                "health_territory_id": cls.commune_b1.id,
                "health_internship_semester_ids": [(6, 0, cls.sem_2027_05.ids)],
            }
        )
        cls.intern_former = Partner.create(
            {
                "name": "Intern of Last Semester",
                "email": "intern.former@example.com",
                "health_role_ids": [(6, 0, cls.role_intern.ids)],
                "health_territory_id": cls.commune_a1.id,
                "health_internship_semester_ids": [(6, 0, cls.sem_2026_11.ids)],
            }
        )
        cls.msu = Partner.create(
            {
                "name": "Dr Supervisor Alpha",
                "email": "msu.alpha@example.com",
                "health_role_ids": [(6, 0, cls.role_msu.ids)],
                "health_territory_id": cls.commune_a1.id,
            }
        )
        cls.mayor = Partner.create({"name": "Mayor of Alpha", "email": "mayor@example.com"})
        cls.event_type = cls.env.ref("health_events.event_type_welcome_evening")

    @classmethod
    def _semester(cls, year, season):
        Semester = cls.env["health.internship.semester"].with_context(active_test=False)
        return Semester.search([("year", "=", year), ("season", "=", season)]) or Semester.create(
            {"year": year, "season": season}
        )

    @classmethod
    def _generate(cls, territory=None, semester=None, user=None):
        Event = cls.env["event.event"].with_user(user or cls.user_events)
        return Event._health_generate_welcome_evening(
            territory or cls.epci_a, semester=semester or cls.sem_2027_05
        ).with_user(cls.env.user)

    @staticmethod
    def _on_evening_day(event):
        """The clock an hour before ``event`` starts: attendances may be recorded."""
        return freeze_time(event.date_begin - timedelta(hours=1))

    @classmethod
    def _generate_attended(cls):
        """An evening whose interns were invited and registered, one with a
        companion; the first two attended. Returns the evening and the
        interns' registrations."""
        event = cls._generate()
        interns = event.health_invitation_ids.filtered(
            lambda inv: inv.category == tools.ROLE_INTERN
        )
        interns.action_send()
        interns.action_register()
        registrations = interns.registration_id
        registrations[0].health_companion_count = 1
        with cls._on_evening_day(event):
            registrations[:2].action_health_mark_attended()
        return event, registrations
