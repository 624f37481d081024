import base64

from lxml import etree

from odoo import Command
from odoo.addons.health_grants.tests.common import HealthGrantsCommon
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

PAIN_NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


@tagged("post_install", "-at_install")
class TestSepaPaymentOrder(HealthGrantsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_payer = new_test_user(
            cls.env,
            login="hg_payer",
            groups="base.group_user,health_grants.group_grant_finance,"
            "account.group_account_invoice,account_payment_order.group_account_payment",
            name="Payment Order Officer",
        )
        bank = cls.env["res.bank"].create({"name": "Test Bank", "bic": "PSSTFRPPXXX"})
        (cls.bank_a | cls.bank_b).bank_id = bank
        company_bank = cls.env["res.partner.bank"].create(
            {
                "partner_id": cls.company.partner_id.id,
                "acc_number": "FR7630001000640000005432137",
                "bank_id": bank.id,
            }
        )
        cls.bank_journal = cls.env["account.journal"].create(
            {
                "name": "Test treasury",
                "code": "TTRS",
                "type": "bank",
                "bank_account_id": company_bank.id,
            }
        )
        cls.payment_mode = cls.env["account.payment.mode"].create(
            {
                "name": "Test SEPA grants",
                "bank_account_link": "fixed",
                "fixed_journal_id": cls.bank_journal.id,
                "payment_method_id": cls.env.ref(
                    "account_banking_sepa_credit_transfer.sepa_credit_transfer"
                ).id,
                "payment_order_ok": True,
                "sequence": 1,
            }
        )

    def _billed(self, partner=None, group_by_partner=False):
        grant = self._make_grant(partner=partner)
        installments = self._certified(grant.installment_ids)
        installments.with_user(self.user_grant_finance)._create_bills(
            group_by_partner=group_by_partner
        )
        return grant, installments

    def test_add_batch_to_order_no_duplicate(self):
        grant_a, inst_a = self._billed(self.msu_a)
        grant_b, inst_b = self._billed(self.msu_b, group_by_partner=True)
        installments = (inst_a | inst_b).with_user(self.user_payer)
        order = installments._add_to_payment_order()
        self.assertEqual(order.payment_mode_id, self.payment_mode)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.payment_type, "outbound")
        self.assertEqual(order.journal_id, self.bank_journal)
        # one line per bill: three bills of A, one grouped bill of B
        self.assertEqual(len(order.payment_line_ids), 4)
        self.assertEqual(order.total_company_currency, 2000.0)
        self.assertEqual(order.payment_line_ids.partner_bank_id, self.bank_a | self.bank_b)
        self.assertEqual(installments.payment_order_id, order)
        # no installment twice, even through another installment of its bill
        for installment in (inst_a[0], inst_b[0]):
            with self.assertRaisesRegex(UserError, "already in a payment order"):
                installment.with_user(self.user_payer)._add_to_payment_order()
        self.assertEqual(len(order.payment_line_ids), 4)
        # a new installment fills the same draft order
        grant_c, inst_c = self._billed(self.msu_a)
        self.assertEqual(inst_c.with_user(self.user_payer)._add_to_payment_order(), order)
        self.assertEqual(len(order.payment_line_ids), 7)

    def test_not_billed_or_paid_refused(self):
        grant = self._make_grant()
        installments = grant.installment_ids
        with self.assertRaisesRegex(UserError, "posted bill still to pay"):
            installments.with_user(self.user_payer)._add_to_payment_order()
        self._certified(installments)
        bills = installments.with_user(self.user_grant_finance)._create_bills(group_by_partner=True)
        installments.with_user(self.user_grant_finance)._register_payment()
        self.assertEqual(set(installments.mapped("state")), {"paid"})
        with self.assertRaisesRegex(UserError, "posted bill still to pay"):
            installments.with_user(self.user_payer)._add_to_payment_order()
        self.assertFalse(bills.line_ids.payment_line_ids)

    def test_no_payment_mode(self):
        self.env["account.payment.mode"].search([]).active = False
        grant, installments = self._billed()
        with self.assertRaisesRegex(UserError, "SEPA credit transfer"):
            installments.with_user(self.user_payer)._add_to_payment_order()
        self.assertFalse(installments.bill_id.line_ids.payment_line_ids)

    def test_untrusted_bank_refused_trusted_bank_kept(self):
        """OCA adds the bill with the payment mode given to it; the bill keeps
        the trusted account chosen when it was issued."""
        grant, installments = self._billed(group_by_partner=True)
        bill = installments.bill_id
        mode_before = bill.payment_mode_id
        self.bank_a.allow_out_payment = False
        with self.assertRaisesRegex(UserError, "no bank account trusted"):
            installments.with_user(self.user_payer)._add_to_payment_order()
        self.assertFalse(bill.line_ids.payment_line_ids)
        self.assertEqual(bill.payment_mode_id, mode_before)
        self.bank_a.allow_out_payment = True
        # another trusted account since, first in the partner's order
        self.env["res.partner.bank"].create(
            {
                "partner_id": self.msu_a.id,
                "acc_number": "FR7610278012340005556660311",
                "allow_out_payment": True,
                "sequence": 1,
            }
        )
        order = installments.with_user(self.user_payer)._add_to_payment_order()
        self.assertEqual(bill.payment_mode_id, self.payment_mode)
        self.assertEqual(bill.partner_bank_id, self.bank_a)
        self.assertEqual(order.payment_line_ids.move_line_id.move_id, bill)
        self.assertEqual(order.payment_line_ids.partner_bank_id, self.bank_a)
        self.assertEqual(order.payment_line_ids.amount_currency, 1000.0)

    def test_file_and_paid(self):
        grant_a, inst_a = self._billed(self.msu_a, group_by_partner=True)
        grant_b, inst_b = self._billed(self.msu_b, group_by_partner=True)
        order = (inst_a | inst_b).with_user(self.user_payer)._add_to_payment_order()
        order = order.with_user(self.user_payer)
        order.draft2open()
        self.assertEqual(order.state, "open")
        action = order.open2generated()
        self.assertEqual(order.state, "generated")
        attachment = self.env["ir.attachment"].browse(action["res_id"])
        root = etree.fromstring(base64.b64decode(attachment.datas))
        self.assertEqual(root.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=PAIN_NS), "2")
        self.assertEqual(root.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=PAIN_NS), "2000.00")
        self.assertEqual(
            root.findtext(".//p:DbtrAcct/p:Id/p:IBAN", namespaces=PAIN_NS),
            "FR7630001000640000005432137",
        )
        transfers = {
            tx.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=PAIN_NS): tx.findtext(
                "p:Amt/p:InstdAmt", namespaces=PAIN_NS
            )
            for tx in root.iterfind(".//p:CdtTrfTxInf", namespaces=PAIN_NS)
        }
        self.assertEqual(
            transfers,
            {"FR7630002005500000111110429": "1000.00", "FR7630004001230001234560180": "1000.00"},
        )
        self.assertEqual(grant_a.payment_status, "in_payment")
        order.generated2uploaded()
        self.assertEqual(order.state, "uploaded")
        self.assertEqual(set((inst_a | inst_b).mapped("state")), {"paid"})
        self.assertIn(inst_a.bill_id.payment_state, ("paid", "in_payment"))
        self.assertEqual((grant_a | grant_b).mapped("payment_status"), ["paid", "paid"])
        self.assertEqual((inst_a | inst_b).payment_order_id, order)
        # the payments of the order are in the chatter of the grants
        for grant in grant_a | grant_b:
            bodies = " ".join(str(body) for body in grant.message_ids.mapped("body"))
            payment = order.payment_ids.filtered(lambda p, g=grant: p.partner_id == g.partner_id)
            self.assertIn(f"payment {payment.name}", bodies)

    def test_access(self):
        grant, installments = self._billed()
        with self.assertRaises(AccessError):
            installments.with_user(self.user_grant_officer)._add_to_payment_order()
        # a finance officer without the payment-order rights of accounting
        with self.assertRaises(AccessError):
            installments.with_user(self.user_grant_finance)._add_to_payment_order()
        self.assertFalse(installments.bill_id.line_ids.payment_line_ids)
        order = installments.with_user(self.user_payer).action_add_to_payment_order()
        self.assertEqual(order["res_model"], "account.payment.order")
        self.assertEqual(
            len(self.env["account.payment.order"].browse(order["res_id"]).payment_line_ids), 3
        )

    def test_cancelled_order_frees_installments(self):
        grant, installments = self._billed(group_by_partner=True)
        payer_installments = installments.with_user(self.user_payer)
        order = payer_installments._add_to_payment_order()
        order.with_user(self.user_payer).action_cancel()
        self.assertFalse(installments.payment_order_id)
        self.assertEqual(set(installments.mapped("state")), {"billed"})
        new_order = payer_installments._add_to_payment_order()
        self.assertNotEqual(new_order, order)
        self.assertEqual(installments.payment_order_id, new_order)

    def test_from_bills(self):
        """The bills list action adds the installments of the selected bills."""
        grant, installments = self._billed(group_by_partner=True)
        other = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": self.msu_b.id,
                "invoice_date": "2026-11-20",
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Not a grant", "price_unit": 50.0, "tax_ids": [Command.clear()]}
                    )
                ],
            }
        )
        other.action_post()
        with self.assertRaisesRegex(UserError, "pays a grant installment"):
            other.with_user(self.user_payer).action_health_grant_payment_order()
        action = (
            (installments.bill_id | other)
            .with_user(self.user_payer)
            .action_health_grant_payment_order()
        )
        order = self.env["account.payment.order"].browse(action["res_id"])
        self.assertEqual(order.payment_line_ids.move_line_id.move_id, installments.bill_id)
        self.assertEqual(installments.payment_order_id, order)
