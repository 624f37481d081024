"""Benchmark rows of health_events."""

from tests.bench.harness import Scenario, scenario


@scenario(
    "invite N interns (mail queue) and register them",
    module="health_events",
    baseline_label="create N event registrations",
    sizes=(100, 1000),
)
class InviteAndRegisterInterns(Scenario):
    def setup(self, env, n):
        Territory = env["health.territory"]
        dept = Territory.create(
            {"name": "Bench Département", "territory_type": "departement", "code": "2B"}
        )
        communes = Territory.create(
            [
                {
                    "name": f"Bench commune {i}",
                    "territory_type": "commune",
                    "code": f"2B{i:03d}",
                    "parent_id": dept.id,
                }
                for i in range(20)
            ]
        )
        Semester = env["health.internship.semester"]
        semester = Semester.search([("year", "=", 2035), ("season", "=", "november")])
        semester = semester or Semester.create({"year": 2035, "season": "november"})
        event = env["event.event"]._health_generate_welcome_evening(dept, semester=semester)
        event.seats_limited = False
        intern_role = env.ref("health_base.role_intern")
        partners = env["res.partner"].create(
            [
                {
                    "name": f"Bench intern {i}",
                    "email": f"bench.intern.{i}@example.com",
                    "health_role_ids": [(6, 0, intern_role.ids)],
                    "health_territory_id": communes[i % len(communes)].id,
                    "health_internship_semester_ids": [(6, 0, semester.ids)],
                }
                for i in range(n)
            ]
        )
        plain_event = env["event.event"].create(
            {
                "name": "Bench plain event",
                "date_begin": event.date_begin,
                "date_end": event.date_end,
                # like the welcome evening: no confirmation mail (with its PDF ticket)
                "event_mail_ids": [(5, 0, 0)],
            }
        )
        return {"event": event.id, "plain_event": plain_event.id, "partners": partners.ids}

    def run(self, env, n, data):
        event = env["event.event"].browse(data["event"])
        event.action_health_invite()
        event.health_invitation_ids.action_register()

    def baseline(self, env, n, data):
        env["event.registration"].create(
            [{"event_id": data["plain_event"], "partner_id": pid} for pid in data["partners"]]
        )
