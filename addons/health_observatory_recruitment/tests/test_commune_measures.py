from datetime import date

from odoo import Command
from odoo.addons.health_recruitment.tests.common import RecruitmentCommon
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCommuneMeasures(RecruitmentCommon):
    """Which toolbox measures a commune shows: those of the candidates
    installed there, and of the candidates not installed yet who target it;
    declined measures are left out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_observatory = new_test_user(
            cls.env,
            login="hor_observatory",
            groups="base.group_user,health_observatory.group_observatory_user",
            name="Observatory Only",
        )
        cls.measure_2 = cls.env.ref("health_base.toolbox_measure_fa2")
        Partner = cls.env["res.partner"]
        # targets Alpha-le-Haut, not installed yet
        cls.lead_a1 = cls.lead
        cls.line_a1, cls.line_a1_declined = cls._lines(
            cls.lead_a1, (1000, "proposed"), (500, "declined")
        )
        # targeted Alpha-le-Haut too, but installed in Beta-sur-Mer
        cls.lead_installed = cls._make_lead(
            Partner.create({"name": "Installed Doctor"}),
            health_target_territory_ids=[Command.set((cls.commune_a1 | cls.commune_b1).ids)],
            health_installation_date=date(2026, 9, 1),
            health_installation_territory_id=cls.commune_b1.id,
        )
        (cls.line_installed,) = cls._lines(cls.lead_installed, (2000, "delivered"))
        # targets the whole CC Alpha, no commune in particular
        cls.lead_epci = cls._make_lead(
            Partner.create({"name": "EPCI Candidate"}),
            health_target_territory_ids=[Command.set(cls.epci_a.ids)],
        )
        (cls.line_epci,) = cls._lines(cls.lead_epci, (300, "accepted"))
        # another team's candidate for Alpha-le-Haut
        cls.lead_other_team = cls._make_lead(
            Partner.create({"name": "Other Team Candidate"}), team=cls.other_team
        )
        (cls.line_other_team,) = cls._lines(cls.lead_other_team, (700, "in_progress"))

    @classmethod
    def _lines(cls, lead, *cost_states):
        return cls.env["health.recruitment.measure.line"].create(
            [
                {"lead_id": lead.id, "measure_id": cls.measure.id, "cost": cost, "state": state}
                for cost, state in cost_states
            ]
        )

    def test_measures_of_the_candidates_installed_in_or_targeting_the_commune(self):
        a1, a2, b1 = (self.commune_a1 | self.commune_a2 | self.commune_b1).with_user(self.officer)
        self.assertEqual(a1.health_measure_line_ids, self.line_a1)
        self.assertEqual(a1.health_measure_line_count, 1)
        self.assertEqual(a1.health_measure_cost, 1000)
        self.assertEqual(a1.health_measure_currency_id, self.env.company.currency_id)
        self.assertFalse(a2.health_measure_line_ids)
        self.assertEqual(a2.health_measure_cost, 0)
        self.assertEqual(b1.health_measure_line_ids, self.line_installed)
        self.assertEqual(b1.health_measure_cost, 2000)
        # an EPCI adds up its communes and the candidates targeting it
        epci_a = self.epci_a.with_user(self.officer)
        self.assertEqual(epci_a.health_measure_line_ids, self.line_a1 | self.line_epci)
        self.assertEqual(epci_a.health_measure_cost, 1300)
        # the button opens the same measures
        action = a1.action_health_view_measure_lines()
        Line = self.env["health.recruitment.measure.line"].with_user(self.officer)
        self.assertEqual(Line.search(action["domain"]), self.line_a1)

    def test_lost_candidacy_keeps_its_measures(self):
        self.line_a1.state = "delivered"
        self.lead_a1.action_set_lost()
        self.assertFalse(self.lead_a1.active)
        a1 = self.commune_a1.with_user(self.officer)
        self.assertEqual(a1.health_measure_line_ids, self.line_a1)

    def test_each_officer_sees_the_measures_of_their_teams(self):
        a1 = self.commune_a1.with_user(self.other_officer)
        self.assertEqual(a1.health_measure_line_ids, self.line_other_team)
        self.assertEqual(a1.health_measure_cost, 700)
        a1 = self.commune_a1.with_user(self.manager)
        self.assertEqual(a1.health_measure_line_ids, self.line_a1 | self.line_other_team)
        self.assertEqual(a1.health_measure_cost, 1700)

    def test_users_without_recruitment_rights(self):
        for user in (self.user_observatory, self.health_user):
            commune = self.commune_a1.with_user(user)
            arch = commune.get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertNotIn("health_measure", arch)
            self.assertNotIn("health_candidacy_ids", arch)
            commune.read(["name"])
            with self.assertRaises(AccessError):
                commune.read(["health_measure_cost"])
            # code that reaches the fields for them finds nothing, without error
            self.assertFalse(commune.health_measure_line_ids)
            self.assertEqual(commune.health_measure_cost, 0)
        arch = self.commune_a1.with_user(self.officer).get_views([(False, "form")])["views"][
            "form"
        ]["arch"]
        self.assertIn('name="action_health_view_measure_lines"', arch)
        self.assertIn('name="health_measure_line_ids"', arch)

    def test_compute_is_batched(self):
        Territory = self.env["health.territory"]
        codes = iter(range(100, 200))

        def prepare(size):
            communes = Territory.create(
                [
                    {
                        "name": f"Commune {size}-{i}",
                        "territory_type": "commune",
                        "code": f"2A{next(codes)}",
                        "parent_id": self.epci_b.id,
                    }
                    for i in range(size)
                ]
            )
            for i, commune in enumerate(communes):
                lead = self._make_lead(
                    self.candidate,
                    health_target_territory_ids=[Command.set(commune.ids)],
                )
                if i % 2:
                    lead.health_installation_territory_id = commune
                self._lines(lead, (100, "proposed"), (50, "accepted"))
            return communes.ids

        def run(ids):
            communes = Territory.with_user(self.officer).browse(ids)
            communes.mapped("health_measure_cost")
            communes.mapped("health_measure_line_ids.measure_id.name")

        self.assertQueryCountSame(prepare, run)

    def test_demo_officer_sees_the_measures_of_a_commune(self):
        officer = self.env.ref(
            "health_recruitment.user_recruitment_officer_b_demo", raise_if_not_found=False
        )
        commune = self.env.ref(
            "health_base.territory_vilaine_sur_brenne_demo", raise_if_not_found=False
        )
        if not (officer and commune):
            self.skipTest("no demo data")
        # recrutement-b: a candidate targeting Vilaine-sur-Brenne, a doctor installed there
        commune = commune.with_user(officer)
        self.assertEqual(
            commune.health_measure_line_ids,
            self.env.ref("health_recruitment.measure_line_06_demo")
            | self.env.ref("health_recruitment.measure_line_12_demo"),
        )
        self.assertEqual(commune.health_measure_cost, 1200)
