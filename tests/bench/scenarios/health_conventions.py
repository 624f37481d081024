"""Benchmark rows of health_conventions."""

from datetime import date, datetime

from tests.bench.harness import Scenario, scenario

TERM_END = date(2026, 11, 24)
TODAY = date(2026, 11, 25)
NEW_END = date(2027, 11, 24)


@scenario(
    "daily cron: renew (tacit) or expire N conventions at term",
    module="health_conventions",
    baseline_label="ORM search, create of the renewal lines, write of states, chatter notes",
    sizes=(1000, 10000),
)
class ConventionTermCron(Scenario):
    """The suite's scheduled action against the same work done with plain
    ORM and mail calls: find the conventions at term, record one renewal
    line for each renewed one (the end dates follow from them), expire the
    others, and log one note in each chatter."""

    def setup(self, env, n):
        env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
        conventions = env["health.convention"].create(
            [
                {
                    "title": f"Bench convention {i}",
                    "effective_date_mode": "fixed",
                    "date_start": date(2025, 11, 25),
                    "duration_months": 12,
                    "tacit_renewal": i % 2 == 0,
                    "renewal_months": 12,
                    "notice_months": 3,
                    "transmission_required": False,
                    "state": "in_force",
                }
                for i in range(n)
            ]
        )
        assert conventions[:1].date_end == TERM_END
        tacit = conventions.filtered("tacit_renewal")
        return {"tacit": tacit.ids, "other": (conventions - tacit).ids}

    def run(self, env, n, data):
        renewed, expired = env["health.convention"]._cron_process_terms(TODAY)
        assert len(renewed) + len(expired) == n

    def baseline(self, env, n, data):
        Convention = env["health.convention"].with_context(tracking_disable=True)
        due = Convention.search([("state", "=", "in_force"), ("date_end", "<", TODAY)])
        assert len(due) == n
        env["health.convention.renewal"].create(
            [
                {
                    "convention_id": convention_id,
                    "kind": "tacit",
                    "previous_date_end": TERM_END,
                    "date_start": TODAY,
                    "date_end": NEW_END,
                    "date": TODAY,
                }
                for convention_id in data["tacit"]
            ]
        )
        Convention.browse(data["other"]).write({"state": "expired"})
        bodies = dict.fromkeys(data["tacit"], "Renewed tacitly (renewal 1) until 24/11/2027.")
        bodies.update(dict.fromkeys(data["other"], "Expired at its term."))
        due._message_log_batch(bodies=bodies)


@scenario(
    "plan the steering committees of N conventions",
    module="health_conventions",
    baseline_label="calendar: create the same N meetings with their attendees",
    sizes=(1000, 10000),
)
class ConventionPlanCommittees(Scenario):
    """The suite plans one committee per convention (10:00 Paris time, on a
    working day, the parties' representatives invited); the baseline creates
    the same meetings with calendar's own create."""

    def setup(self, env, n):
        env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
        partners = env["res.partner"].create(
            [{"name": f"Bench organisation {i}", "is_company": True} for i in range(20)]
        )
        conventions = env["health.convention"].create(
            [
                {
                    "title": f"Bench convention {i}",
                    "effective_date_mode": "fixed",
                    "date_start": date(2025, 11, 25),
                    "duration_months": 12,
                    "committee_cadence_months": 12,
                    "transmission_required": False,
                    "state": "signed",
                    "party_ids": [
                        (0, 0, {"partner_id": partners[i % 20].id, "role": "lead"}),
                        (0, 0, {"partner_id": partners[(i + 1) % 20].id}),
                    ],
                }
                for i in range(n)
            ]
        )
        # the committee of the term: Tuesday 24 November 2026, 10:00 in Paris
        vals_list = [
            {
                "name": f"Steering committee 1 – {convention.title}",
                "start": datetime(2026, 11, 24, 9, 0),
                "stop": datetime(2026, 11, 24, 11, 0),
                "health_convention_id": convention.id,
                "health_annual_review": True,
                "partner_ids": [
                    (6, 0, (convention.party_ids.partner_id | convention.user_id.partner_id).ids)
                ],
                "user_id": convention.user_id.id,
            }
            for convention in conventions
        ]
        return {"conventions": conventions.ids, "vals_list": vals_list}

    def run(self, env, n, data):
        events = env["health.convention"].browse(data["conventions"]).action_plan_committees()
        assert len(events) == n, len(events)

    def baseline(self, env, n, data):
        events = (
            env["calendar.event"]
            .with_context(no_mail_to_attendees=True)
            .create([dict(vals) for vals in data["vals_list"]])
        )
        assert len(events) == n
