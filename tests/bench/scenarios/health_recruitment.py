"""Benchmark rows of health_recruitment."""

from datetime import date

from tests.bench.harness import Scenario, scenario

KANBAN_SPEC = {
    "name": {},
    "partner_id": {"fields": {"display_name": {}}},
    "stage_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "tag_ids": {"fields": {"display_name": {}}},
    "priority": {},
    "activity_state": {},
    "expected_revenue": {},
}
RECRUITMENT_SPEC = dict(
    KANBAN_SPEC,
    health_candidate_type={},
    health_semester_id={"fields": {"display_name": {}}},
)
# the same shape for the core pipeline: one more selection and one more
# many2one (empty in both pipelines)
CORE_SPEC = dict(KANBAN_SPEC, type={}, campaign_id={"fields": {"display_name": {}}})


def _users(env):
    Users = env["res.users"].with_context(no_reset_password=True)
    officer = Users.create(
        {
            "name": "Bench recruitment officer",
            "login": "bench_recruitment_officer",
            "groups_id": [(6, 0, env.ref("health_recruitment.group_recruitment_user").ids)],
        }
    )
    # a salesman reading their own leads: like an officer, a user whose
    # pipeline goes through a record rule ("Personal Leads")
    salesman = Users.create(
        {
            "name": "Bench salesman",
            "login": "bench_salesman",
            "groups_id": [(6, 0, env.ref("sales_team.group_sale_salesman").ids)],
        }
    )
    return officer, salesman


def _teams(env, officer, salesman):
    recruitment = env.ref("health_recruitment.crm_team_recruitment")
    recruitment.member_ids = [(4, officer.id)]
    sales = env["crm.team"].create(
        {"name": "Bench sales", "use_opportunities": True, "member_ids": [(6, 0, salesman.ids)]}
    )
    return recruitment, sales


def _candidates(env, team, n, prefix, recruitment=True, **partner_values):
    partners = env["res.partner"].create(
        [
            dict(
                partner_values,
                name=f"{prefix} Candidate {i}",
                email=f"{prefix.lower()}.candidate.{i}@univ-bench.example",
                phone=f"+33 6 {i // 10000 % 100:02d} {i // 100 % 100:02d} {i % 100:02d} 00",
            )
            for i in range(n)
        ]
    )
    values = [
        {
            "name": f"{prefix} candidacy {i}",
            "type": "opportunity",
            "team_id": team.id,
            "partner_id": partner.id,
        }
        for i, partner in enumerate(partners)
    ]
    if recruitment:
        # the candidate types are the role codes of health_base
        types = [key for key, _label in env["crm.lead"]._fields["health_candidate_type"].selection]
        for i, vals in enumerate(values):
            vals["health_candidate_type"] = types[i % len(types)]
    leads = env["crm.lead"].create(values)
    return partners, leads


def _load_pipeline(env, user, team, spec):
    Lead = env["crm.lead"].with_user(user).with_context(default_team_id=team.id)
    domain = [("type", "=", "opportunity"), ("team_id", "=", team.id)]
    groups = Lead.web_read_group(domain, ["stage_id"], ["stage_id"])["groups"]
    for group in groups:
        Lead.web_search_read(group["__domain"], spec, limit=80)
    Lead.web_search_read(domain, spec, limit=80, count_limit=10001)


@scenario(
    "load the recruitment pipeline of N candidates",
    module="health_recruitment",
    baseline_label="a salesman loads a core CRM pipeline of N opportunities",
    sizes=(1000, 10000),
)
class LoadPipeline(Scenario):
    def setup(self, env, n):
        officer, salesman = _users(env)
        recruitment, sales = _teams(env, officer, salesman)
        _candidates(env, recruitment, n, "Recruit")
        _partners, leads = _candidates(env, sales, n, "Sales", recruitment=False)
        leads.user_id = salesman
        return {"officer": officer, "salesman": salesman, "rteam": recruitment, "steam": sales}

    def run(self, env, n, data):
        _load_pipeline(env, data["officer"], data["rteam"], RECRUITMENT_SPEC)

    def baseline(self, env, n, data):
        _load_pipeline(env, data["salesman"], data["steam"], CORE_SPEC)


@scenario(
    "detect duplicates among N candidates",
    module="health_recruitment",
    baseline_label="core duplicate detection on N opportunities",
    sizes=(1000, 10000),
)
class DetectDuplicates(Scenario):
    def setup(self, env, n):
        officer, salesman = _users(env)
        recruitment, sales = _teams(env, officer, salesman)
        _partners, suite = _candidates(
            env, recruitment, n, "Recruit", health_birthdate=date(1990, 1, 1)
        )
        _partners, core = _candidates(env, sales, n, "Sales", recruitment=False)
        env.flush_all()
        return {"suite": suite.ids, "core": core.ids}

    def _detect(self, env, ids):
        leads = env["crm.lead"].browse(ids)
        leads.mapped("duplicate_lead_count")

    def run(self, env, n, data):
        self._detect(env, data["suite"])

    def baseline(self, env, n, data):
        self._detect(env, data["core"])


@scenario(
    "anonymise N expired candidates",
    module="health_recruitment",
    baseline_label="blank N partners, delete their opportunities",
    sizes=(100, 1000),
)
class AnonymiseCandidates(Scenario):
    def setup(self, env, n):
        team = env.ref("health_recruitment.crm_team_recruitment")
        partners, leads = _candidates(
            env,
            team,
            n,
            "Expired",
            health_birthdate=date(1990, 1, 1),
        )
        partners.write({"health_last_contact_date": date(2020, 1, 1)})
        env["health.recruitment.household.line"].create(
            [
                {"lead_id": lead.id, "member_type": "spouse", "need_type": "housing"}
                for lead in leads
            ]
        )
        for lead in leads[:: max(1, n // 100)]:
            lead.message_post(body="Called about the project")
        return {"partners": partners.ids, "leads": leads.ids}

    def run(self, env, n, data):
        done = env["res.partner"]._cron_health_anonymize_expired(limit=n)
        assert len(done) == n, len(done)

    def baseline(self, env, n, data):
        partners = env["res.partner"].browse(data["partners"])
        partners.write(
            {"name": "Anonymous", "email": False, "phone": False, "mobile": False, "active": False}
        )
        env["crm.lead"].browse(data["leads"]).unlink()
