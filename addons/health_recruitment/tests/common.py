from datetime import date

from odoo.addons.health_base import tools
from odoo.addons.health_base.tests.common import HealthBaseCommon, QueryCountMixin
from odoo.tests import new_test_user


class RecruitmentCommon(QueryCountMixin, HealthBaseCommon):
    """health_base's users and territories, plus the recruitment users of
    each role, a recruitment team with its stages and a candidate; records
    are created here, not taken from demo data.

    Users: ``officer`` (recruitment user, member of the team),
    ``other_officer`` (recruitment user of another team), ``manager``
    (recruitment manager), ``health_user`` (the suite without recruitment:
    finance, events), ``salesman`` (Odoo's sales only)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="hr_officer",
            groups="base.group_user,health_recruitment.group_recruitment_user",
            name="Recruitment Officer",
        )
        cls.other_officer = new_test_user(
            cls.env,
            login="hr_other_officer",
            groups="base.group_user,health_recruitment.group_recruitment_user",
            name="Officer of Another Team",
        )
        cls.manager = new_test_user(
            cls.env,
            login="hr_manager",
            groups="base.group_user,health_recruitment.group_recruitment_manager",
            name="Recruitment Manager",
        )
        # a user of the suite without the recruitment groups (finance, events)
        cls.health_user = cls.user_officer
        cls.salesman = new_test_user(
            cls.env,
            login="hr_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
            name="Salesman",
        )
        cls.team = cls.env.ref("health_recruitment.crm_team_recruitment")
        cls.team.member_ids = [(4, cls.officer.id)]
        cls.other_team = cls.env["crm.team"].create(
            {
                "name": "Other recruitment team",
                "health_is_recruitment": True,
                "use_opportunities": True,
                "member_ids": [(6, 0, cls.other_officer.ids)],
            }
        )
        cls.stage_contact = cls.env.ref("health_recruitment.crm_stage_first_contact")
        cls.stage_discovery = cls.env.ref("health_recruitment.crm_stage_territory_discovery")
        cls.stage_project = cls.env.ref("health_recruitment.crm_stage_installation_project")
        cls.stage_installed = cls.env.ref("health_recruitment.crm_stage_installed")
        cls.epci = cls.epci_a
        cls.commune = cls.commune_a1
        cls.semester = cls.env["health.internship.semester"].create(
            {"year": 2041, "season": "november"}
        )
        cls.source = cls.env.ref("health_recruitment.utm_source_congress")
        cls.practice = cls.env["res.partner"].create({"name": "MSP de Recrue", "is_company": True})
        cls.measure = cls.env.ref("health_base.toolbox_measure_fa1")
        cls.candidate = cls.env["res.partner"].create(
            {
                "name": "Marie Dupont",
                "email": "marie.dupont@univ-sornac.example",
                "phone": "+33 6 11 22 33 44",
                "health_birthdate": date(1994, 3, 12),
                "health_role_ids": [(6, 0, cls.role_intern.ids)],
            }
        )
        cls.lead = cls._make_lead(cls.candidate, user=cls.officer)

    @classmethod
    def _make_lead(cls, partner, team=None, **values):
        vals = {
            "name": f"Candidature {partner.name}",
            "type": "opportunity",
            "partner_id": partner.id,
            "team_id": (team or cls.team).id,
            "health_candidate_type": tools.ROLE_INTERN,
            "health_semester_id": cls.semester.id,
            "source_id": cls.source.id,
            "health_target_territory_ids": [(6, 0, cls.commune.ids)],
            "user_id": False,
        }
        user = values.pop("user", None)
        if user:
            vals["user_id"] = user.id
        vals.update(values)
        return cls.env["crm.lead"].create(vals)

    def _installation_values(self):
        return {
            "health_installation_date": date(2026, 9, 1),
            "health_installation_territory_id": self.commune.id,
            "health_installation_practice_id": self.practice.id,
        }

    def _install(self, lead):
        lead.write(
            dict(
                self._installation_values(),
                health_practice_mode="msp",
                stage_id=self.stage_installed.id,
            )
        )
        return lead
