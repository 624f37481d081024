"""Benchmark rows of health_recruitment_events."""

from tests.bench.harness import Scenario, scenario


@scenario(
    "mark N interns present: N candidacies opened",
    module="health_recruitment_events",
    baseline_label="create N opportunities",
    sizes=(100, 1000),
)
class AttendanceOpensCandidacies(Scenario):
    def setup(self, env, n):
        Territory = env["health.territory"]
        dept = Territory.create(
            {"name": "Bench Département RE", "territory_type": "departement", "code": "2B"}
        )
        Semester = env["health.internship.semester"]
        semester = Semester.search([("year", "=", 2036), ("season", "=", "may")])
        semester = semester or Semester.create({"year": 2036, "season": "may"})
        event = env["event.event"]._health_generate_welcome_evening(dept, semester=semester)
        event.seats_limited = False
        intern_role = env.ref("health_base.role_intern")
        partners = env["res.partner"].create(
            [
                {
                    "name": f"Bench attendee {i}",
                    "email": f"bench.attendee.{i}@example.com",
                    "health_role_ids": [(6, 0, intern_role.ids)],
                }
                for i in range(n)
            ]
        )
        registrations = env["event.registration"].create(
            [{"event_id": event.id, "partner_id": pid} for pid in partners.ids]
        )
        team = env.ref("health_recruitment.crm_team_recruitment")
        return {"registrations": registrations.ids, "partners": partners.ids, "team": team.id}

    def run(self, env, n, data):
        env["event.registration"].browse(data["registrations"]).action_health_mark_attended()

    def baseline(self, env, n, data):
        env["crm.lead"].create(
            [
                {"name": f"Lead {pid}", "type": "opportunity", "partner_id": pid}
                for pid in data["partners"]
            ]
        )
