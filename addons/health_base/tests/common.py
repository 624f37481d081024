from stdnum import luhn

from odoo.tests import TransactionCase, new_test_user


def make_rpps(seed):
    """A valid RPPS number (check digit included) that demo data does not use."""
    base = f"19{seed:08d}"
    return base + luhn.calc_check_digit(base)


class HealthBaseCommon(TransactionCase):
    """Users of each role of the suite's base, and a small territory tree.

    Test records are created here rather than taken from the demo data so
    that the tests also run on a database without demo data.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.user_employee = new_test_user(
            cls.env, login="hb_employee", groups="base.group_user", name="Plain Employee"
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="hb_officer",
            groups="base.group_user,health_base.group_health_user",
            name="Programme Officer",
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="hb_manager",
            groups="base.group_user,health_base.group_health_manager",
            name="Health Manager",
        )
        cls.user_portal = new_test_user(
            cls.env, login="hb_portal", groups="base.group_portal", name="Portal User"
        )
        Territory = cls.env["health.territory"]
        cls.dept = Territory.create(
            {"name": "Test Département", "territory_type": "departement", "code": "2A"}
        )
        cls.epci_a, cls.epci_b = Territory.create(
            [
                {
                    "name": "CC Alpha",
                    "territory_type": "epci",
                    "code": "200000001",
                    "parent_id": cls.dept.id,
                    "zoning": "zip",
                },
                {
                    "name": "CC Beta",
                    "territory_type": "epci",
                    "code": "200000002",
                    "parent_id": cls.dept.id,
                },
            ]
        )
        cls.commune_a1, cls.commune_a2, cls.commune_b1 = Territory.create(
            [
                {
                    "name": "Alpha-le-Haut",
                    "territory_type": "commune",
                    "code": "2A001",
                    "parent_id": cls.epci_a.id,
                    "zoning": "zip",
                },
                {
                    "name": "Alpha-le-Bas",
                    "territory_type": "commune",
                    "code": "2A002",
                    "parent_id": cls.epci_a.id,
                },
                {
                    "name": "Beta-sur-Mer",
                    "territory_type": "commune",
                    "code": "2A003",
                    "parent_id": cls.epci_b.id,
                },
            ]
        )
        cls.role_intern = cls.env.ref("health_base.role_intern")
        cls.role_gp = cls.env.ref("health_base.role_gp")
        cls.role_msu = cls.env.ref("health_base.role_msu")
