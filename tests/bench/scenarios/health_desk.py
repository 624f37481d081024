"""Benchmark rows of health_desk."""

from datetime import date, datetime, timedelta

from tests.bench.harness import Scenario, scenario

# the columns of OCA's ticket list
CORE_SPEC = {
    "number": {},
    "name": {},
    "partner_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "team_id": {"fields": {"display_name": {}}},
    "stage_id": {"fields": {"display_name": {}}},
    "category_id": {"fields": {"display_name": {}}},
    "priority": {},
    "create_date": {},
}
# the desk's list adds its columns
DESK_SPEC = dict(
    CORE_SPEC,
    channel_id={"fields": {"display_name": {}}},
    health_transfer_partner_id={"fields": {"display_name": {}}},
    health_target_date={},
    health_overdue={},
)


def _requests(env, n, desk):
    """N requests of a team, created without the desk's notices (setup only)."""
    plain = env["helpdesk.ticket.team"].create({"name": f"Bench plain team {desk}"})
    categories = env["helpdesk.ticket.category"].search([("health_team_id", "!=", False)])
    partners = env["res.partner"].create(
        [{"name": f"Bench requester {i}", "email": f"bench.req.{i}@example.com"} for i in range(50)]
    )
    start = datetime(2026, 1, 5, 9, 0)
    tickets = (
        env["helpdesk.ticket"]
        .with_context(tracking_disable=True, mail_create_nolog=True)
        .create(
            [
                {
                    "name": f"Bench question {i}",
                    "description": "<p>?</p>",
                    "team_id": plain.id,
                    "partner_id": partners[i % 50].id,
                    "category_id": categories[i % len(categories)].id,
                    "health_received_date": start + timedelta(hours=i % 2000),
                }
                for i in range(n)
            ]
        )
    )
    return plain, tickets


def _officer(env, login, team):
    user = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": login,
                "login": login,
                "groups_id": [(6, 0, env.ref("health_desk.group_health_desk_user").ids)],
            }
        )
    )
    team.user_ids = [(4, user.id)]
    return user


@scenario(
    "load the desk's list of N requests",
    module="health_desk",
    baseline_label="a helpdesk user loads OCA's ticket list of N tickets",
    sizes=(1000, 10000),
)
class LoadDeskList(Scenario):
    def setup(self, env, n):
        desk = env["helpdesk.ticket.team"].create({"name": "Bench desk", "health_is_desk": True})
        _plain, tickets = _requests(env, n, "desk")
        tickets.write({"team_id": desk.id})
        core_team, _core = _requests(env, n, "core")
        return {
            "desk": desk,
            "officer": _officer(env, "bench_desk_officer", desk),
            "core_team": core_team,
            "core_user": _officer(env, "bench_helpdesk_user", core_team),
        }

    def _load(self, env, user, domain, spec):
        Ticket = env["helpdesk.ticket"].with_user(user)
        Ticket.web_search_read(domain, spec, limit=80, count_limit=10001)
        Ticket.web_read_group(domain, ["stage_id"], ["stage_id"])

    def run(self, env, n, data):
        self._load(
            env,
            data["officer"],
            [("health_is_desk", "=", True), ("team_id", "=", data["desk"].id)],
            DESK_SPEC,
        )

    def baseline(self, env, n, data):
        self._load(env, data["core_user"], [("team_id", "=", data["core_team"].id)], CORE_SPEC)


@scenario(
    "flag the overdue requests among N (nightly job)",
    module="health_desk",
    baseline_label="search the open tickets without a stage change for a week and flag them",
    sizes=(1000, 10000),
)
class OverdueJob(Scenario):
    def setup(self, env, n):
        desk = env["helpdesk.ticket.team"].create({"name": "Bench desk", "health_is_desk": True})
        _plain, tickets = _requests(env, n, "desk")
        tickets.write({"team_id": desk.id})
        return {"tickets": tickets}

    def run(self, env, n, data):
        env["helpdesk.ticket"]._cron_health_desk_overdue(today=date(2026, 12, 1))

    def baseline(self, env, n, data):
        stale = env["helpdesk.ticket"].search(
            [
                ("id", "in", data["tickets"].ids),
                ("closed", "=", False),
                ("last_stage_update", "<", datetime(2026, 11, 24)),
            ]
        )
        stale.write({"kanban_state": "blocked"})
