from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDemoUsers(TransactionCase):
    def test_invoicing_administration_taken_back(self):
        """Users made invoicing administrators by Odoo when accounting was
        installed lose it; the administrators and the template keep it."""
        manager = self.env.ref("account.group_account_manager")
        invoicing = self.env.ref("account.group_account_invoice")
        promoted = new_test_user(
            self.env,
            login="hba_promoted",
            groups="base.group_user,account.group_account_manager",
        )
        billing = new_test_user(
            self.env, login="hba_billing", groups="base.group_user,account.group_account_invoice"
        )
        revoked = self.env["res.users"]._health_revoke_default_invoicing_admin()
        self.assertIn(promoted, revoked)
        self.assertFalse(promoted.has_group("account.group_account_manager"))
        self.assertFalse(promoted.has_group("account.group_account_invoice"))
        # a user given invoicing on purpose keeps it
        self.assertTrue(billing.has_group("account.group_account_invoice"))
        admin = self.env.ref("base.user_admin")
        self.assertIn(manager, admin.groups_id)
        template = self.env.ref("base.default_user")
        self.assertIn(manager, template.groups_id)
        self.assertIn(invoicing, admin.groups_id)

    def test_demo_personas_not_invoicing_administrators(self):
        finance = self.env.ref(
            "health_base_account.user_finance_officer_demo", raise_if_not_found=False
        )
        if not finance:
            self.skipTest("no demo data")
        self.assertEqual(finance.login, "finances")
        self.assertTrue(finance.has_group("account.group_account_invoice"))
        self.assertFalse(finance.has_group("account.group_account_manager"))
        self.assertFalse(finance.has_group("health_base.group_health_manager"))
        for xmlid in (
            "health_base.user_health_officer_demo",
            "health_base.user_health_manager_demo",
        ):
            user = self.env.ref(xmlid)
            self.assertFalse(user.has_group("account.group_account_manager"), xmlid)
