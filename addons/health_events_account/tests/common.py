from odoo import Command
from odoo.addons.health_events.tests.common import HealthEventsCommon
from odoo.tests import new_test_user


class HealthEventsAccountCommon(HealthEventsCommon):
    """The users, territories, semesters and interns of the evenings
    (HealthEventsCommon, built on HealthBaseCommon), an accountant who sees
    the events (to link the bills to them), a vendor
    and a chart of accounts (the French one of the demo data, else Odoo's
    generic one on a database without demo data)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        cls.user_accountant = new_test_user(
            cls.env,
            login="hea_accountant",
            groups="base.group_user,account.group_account_invoice,event.group_event_user",
            name="Accountant",
        )
        cls.vendor = cls.env["res.partner"].create({"name": "Caterer"})

    @classmethod
    def _bill(cls, event, amount, move_type="in_invoice", post=True, user=None):
        bill = (
            cls.env["account.move"]
            .with_user(user or cls.user_accountant)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": cls.vendor.id,
                    "invoice_date": "2027-05-20",
                    "health_event_id": event.id,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Buffet", "quantity": 1, "price_unit": amount, "tax_ids": []}
                        )
                    ],
                }
            )
        )
        if post:
            bill.action_post()
        return bill
