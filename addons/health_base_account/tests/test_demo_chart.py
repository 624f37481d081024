from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoChart(TransactionCase):
    def test_chart_loaded_once(self):
        Company = self.env["res.company"]
        company = self.env.ref("base.main_company")
        if not company.chart_template:
            # a database without demo data: the step loads the chart now
            self.assertEqual(Company._health_load_demo_chart(), "fr")
        self.assertEqual(company.chart_template, "fr")
        accounts = self.env["account.account"].search_count([("company_ids", "in", company.ids)])
        self.assertGreater(accounts, 100)
        # run again (another addon's demo data): nothing is loaded twice
        self.assertEqual(Company._health_load_demo_chart(), "fr")
        self.assertEqual(
            self.env["account.account"].search_count([("company_ids", "in", company.ids)]),
            accounts,
        )
