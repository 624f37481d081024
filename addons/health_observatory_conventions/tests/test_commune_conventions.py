from datetime import date

from odoo.addons.health_conventions.tests.common import HealthConventionsCommon
from odoo.exceptions import AccessError
from odoo.tests import freeze_time, new_test_user, tagged


@tagged("post_install", "-at_install")
@freeze_time("2026-01-15")
class TestCommuneConventions(HealthConventionsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # chargee-mission's rights: the conventions and the observatory
        cls.user_programme = new_test_user(
            cls.env,
            login="hoc_programme",
            groups="base.group_user,health_conventions.group_convention_user,"
            "health_observatory.group_observatory_user",
            name="Programme Officer",
        )
        cls.user_observatory = new_test_user(
            cls.env,
            login="hoc_observatory",
            groups="base.group_user,health_observatory.group_observatory_user",
            name="Observatory Only",
        )
        # in force: one on the département, one on CC Alpha, one on Beta-sur-Mer
        cls.conv_dept, cls.conv_epci_a, cls.conv_b1 = (
            cls._make_in_force(cls.dept, "Département-wide"),
            cls._make_in_force(cls.epci_a, "CC Alpha"),
            cls._make_in_force(cls.commune_b1, "Beta-sur-Mer"),
        )
        # in negotiation on Alpha-le-Haut: it does not cover it yet
        cls.conv_draft = cls._make_convention(
            title="Alpha-le-Haut draft", territory_id=cls.commune_a1.id
        )
        cls.conv_draft.action_negotiate()

    @classmethod
    def _make_in_force(cls, territory, title, start=date(2025, 4, 1), months=24):
        convention = cls._make_convention(
            title=title, territory_id=territory.id, date_start=start, duration_months=months
        )
        convention.action_sign()
        convention.action_put_in_force()
        return convention

    def _communes(self, user):
        return (self.commune_a1 | self.commune_a2 | self.commune_b1).with_user(user)

    def test_commune_is_covered_by_its_ancestors_conventions(self):
        a1, a2, b1 = self._communes(self.user_programme)
        self.assertEqual(a1.health_convention_ids, self.conv_dept | self.conv_epci_a)
        self.assertEqual(a1.health_convention_count, 2)
        self.assertEqual(a2.health_convention_ids, self.conv_dept | self.conv_epci_a)
        self.assertEqual(b1.health_convention_ids, self.conv_dept | self.conv_b1)
        # an EPCI is covered by its own and its département's, not its communes'
        epci_a = self.epci_a.with_user(self.user_programme)
        self.assertEqual(epci_a.health_convention_ids, self.conv_dept | self.conv_epci_a)
        dept = self.dept.with_user(self.user_programme)
        self.assertEqual(dept.health_convention_ids, self.conv_dept)

    def test_only_conventions_in_force_count(self):
        a1 = self.commune_a1.with_user(self.user_programme)
        self.assertNotIn(self.conv_draft, a1.health_convention_ids)
        # a convention of CC Alpha reaches its term (no tacit renewal): it expires
        short = self._make_in_force(self.epci_a, "Short", start=date(2025, 1, 1), months=12)
        self.env.invalidate_all()
        self.assertIn(short, a1.health_convention_ids)
        _renewed, expired = self.env["health.convention"]._cron_process_terms(date(2026, 1, 15))
        self.assertIn(short, expired)
        self.env.invalidate_all()
        self.assertEqual(a1.health_convention_ids, self.conv_dept | self.conv_epci_a)
        # the button opens every convention covering it, those in force first
        action = a1.action_health_view_conventions()
        self.assertEqual(action["context"], {"search_default_in_force": 1})
        everything = self.env["health.convention"].search(action["domain"])
        self.assertEqual(
            everything,
            self.conv_dept | self.conv_epci_a | self.conv_draft | short,
        )

    def test_observatory_user_without_conventions(self):
        commune = self.commune_a1.with_user(self.user_observatory)
        # the form opens without the conventions' button and tab
        arch = commune.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("health_convention", arch)
        self.assertIn("health_gp_count", arch)
        commune.read(["name", "health_gp_count", "health_at_risk"])
        # the fields are refused, and code that reaches them for this user
        # finds nothing, without error
        with self.assertRaises(AccessError):
            commune.read(["health_convention_count"])
        self.assertFalse(commune.health_convention_ids)
        self.assertEqual(commune.health_convention_count, 0)
        # the programme officer sees both
        arch = self.commune_a1.with_user(self.user_programme).get_views([(False, "form")])["views"][
            "form"
        ]["arch"]
        self.assertIn('name="action_health_view_conventions"', arch)
        self.assertIn('name="health_convention_ids"', arch)

    def test_compute_is_batched(self):
        Territory = self.env["health.territory"]
        codes = iter(range(100, 200))

        def prepare(size):
            return Territory.create(
                [
                    {
                        "name": f"Commune {size}-{i}",
                        "territory_type": "commune",
                        "code": f"2A{next(codes)}",
                        "parent_id": (self.epci_a if i % 2 else self.epci_b).id,
                    }
                    for i in range(size)
                ]
            ).ids

        def run(ids):
            communes = Territory.with_user(self.user_programme).browse(ids)
            communes.mapped("health_convention_count")
            communes.mapped("health_convention_ids.title")

        self.assertQueryCountSame(prepare, run)

    def test_demo_programme_officer_sees_the_conventions_of_a_commune(self):
        officer = self.env.ref("health_base.user_health_officer_demo", raise_if_not_found=False)
        commune = self.env.ref(
            "health_base.territory_montferrand_le_haut_demo", raise_if_not_found=False
        )
        if not (officer and commune):
            self.skipTest("no demo data")
        # chargee-mission: the conventions of its CC and of its département
        commune = commune.with_user(officer)
        self.assertEqual(
            commune.health_convention_ids,
            self.env.ref("health_conventions.convention_monts_de_sorne_demo")
            | self.env.ref("health_conventions.convention_cdom_msu_demo"),
        )
