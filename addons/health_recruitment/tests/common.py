from datetime import date

from stdnum import luhn

from odoo.tests import TransactionCase, new_test_user


def make_rpps(seed):
    """A valid RPPS number that demo data does not use."""
    base = f"17{seed:08d}"
    return base + luhn.calc_check_digit(base)


class RecruitmentCommon(TransactionCase):
    """Users of each role, a recruitment team with its stages, a territory
    and candidates; records are created here, not taken from demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
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
        cls.health_user = new_test_user(
            cls.env,
            login="hr_health_user",
            groups="base.group_user,health_base.group_health_user",
            name="Finance Officer",
        )
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
        Territory = cls.env["health.territory"]
        cls.dept = Territory.create(
            {"name": "Recruit Département", "territory_type": "departement", "code": "2A"}
        )
        cls.epci = Territory.create(
            {
                "name": "CC Recrutement",
                "territory_type": "epci",
                "code": "200000071",
                "parent_id": cls.dept.id,
            }
        )
        cls.commune = Territory.create(
            {
                "name": "Recrue-sur-Sorne",
                "territory_type": "commune",
                "code": "2A071",
                "parent_id": cls.epci.id,
            }
        )
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
                "health_role_ids": [(6, 0, cls.env.ref("health_base.role_intern").ids)],
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
            "health_candidate_type": "intern",
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
