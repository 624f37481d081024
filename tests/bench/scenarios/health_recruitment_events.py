"""Benchmark rows of health_recruitment_events."""

from tests.bench.harness import Scenario, scenario


@scenario(
    "mark N interns present: N candidacies opened",
    module="health_recruitment_events",
    baseline_label="mark N attended, create N opportunities, log N notes",
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
        if not team.user_id:
            # a configured programme: the team's leader is the officer of
            # the candidacies it receives
            team.user_id = env["res.users"].create(
                {
                    "name": "Bench programme officer",
                    "login": "bench_programme_officer",
                    "groups_id": [(4, env.ref("health_recruitment.group_recruitment_user").id)],
                }
            )
        return {"registrations": registrations.ids, "partners": partners.ids, "team": team.id}

    def run(self, env, n, data):
        env["event.registration"].browse(data["registrations"]).action_health_mark_attended()

    def baseline(self, env, n, data):
        """Odoo core doing the same work: the attendance written on the
        registrations, one opportunity per person in the team's first stage,
        a note logged on each (the template's switch off, so that the
        suite's own path does not run inside the baseline)."""
        registrations = env["event.registration"].browse(data["registrations"])
        registrations.event_id.event_type_id.health_create_candidacy = False
        registrations.write({"state": "done"})
        team = env["crm.team"].browse(data["team"])
        leads = env["crm.lead"].create(
            [
                {
                    "name": f"Lead {pid}",
                    "type": "opportunity",
                    "partner_id": pid,
                    "team_id": team.id,
                    "user_id": team.user_id.id,
                }
                for pid in data["partners"]
            ]
        )
        leads._message_log_batch(
            bodies={lead.id: "<p>Attended the intern welcome evening</p>" for lead in leads},
            message_type="comment",
        )
