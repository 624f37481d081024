from odoo import api, fields, models
from odoo.exceptions import UserError

# Rows read at once when a sheet lists many installments.
CHUNK = 5000


class HealthGrantXlsx(models.AbstractModel):
    """Spreadsheets for finance: commitments against envelopes, installments
    per semester, statement of a beneficiary, bordereau of payment orders.

    Written with the suite's xlsx export (``health.xlsx.export``, constant
    memory), so that a report over a hundred thousand installments stays
    small in memory, and downloaded the suite's one way.
    """

    _name = "health.grant.xlsx"
    _inherit = ["health.xlsx.export"]
    _description = "Grant Spreadsheets"

    # ---------------------------------------------------------------- bills
    @api.model
    def _bill_names(self, installments):
        """{bill id: number} of the bills of ``installments``.

        The installments were read with the user's rights (record rules
        included); a grants officer has no access to accounting, so the
        number of their bills, the only thing the sheets print of them, is
        read in sudo.
        """
        return {bill.id: bill.name for bill in installments.bill_id.sudo()}

    @api.model
    def _selection_labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    # ---------------------------------------------------------- commitments
    @api.model
    def _commitments_xlsx(self, year, programs=None):
        """Envelope, committed, billed, paid and remaining per programme."""
        programs = programs or self.env["health.grant.program"].search(
            [("company_id", "in", self.env.companies.ids)]
        )
        committed = self.env["health.grant"]._committed_amounts(programs.ids, [year])
        installments = {}
        for program, state, amount in self.env["health.grant.installment"]._read_group(
            [("program_id", "in", programs.ids), ("budget_year", "=", year)],
            ["program_id", "state"],
            ["amount:sum"],
        ):
            installments[(program.id, state)] = amount
        book = self._xlsx_book()
        sheet = book.add_sheet(
            self.env._("Commitments"),
            [
                (self.env._("Programme"), 40, "text"),
                (self.env._("Envelope"), 16, "money"),
                (self.env._("Committed"), 16, "money"),
                (self.env._("Billed"), 16, "money"),
                (self.env._("Paid"), 16, "money"),
                (self.env._("Remaining"), 16, "money"),
            ],
            title=self.env._("Commitments against envelopes, budget year %s", year),
        )
        totals = [0.0] * 5
        for program in programs:
            envelope = program._get_envelope(year).amount
            done = committed.get((program.id, year), 0.0)
            billed = installments.get((program.id, "billed"), 0.0)
            paid = installments.get((program.id, "paid"), 0.0)
            values = [envelope, done, billed + paid, paid, envelope - done]
            sheet.write_row([program.name, *values])
            totals = [total + value for total, value in zip(totals, values, strict=True)]
        sheet.write_total([self.env._("Total"), *totals])
        return book.close()

    # --------------------------------------------------------- installments
    @api.model
    def _installment_summary(self, domain):
        """{semester: [due count, due, overdue count, overdue, paid count, paid]}"""
        Installment = self.env["health.grant.installment"]
        today = fields.Date.context_today(self)
        summary = {}
        for semester, state, amount, count in Installment._read_group(
            [*domain, ("state", "!=", "cancelled")],
            ["semester_id", "state"],
            ["amount:sum", "__count"],
        ):
            line = summary.setdefault(semester, [0, 0.0, 0, 0.0, 0, 0.0])
            offset = 4 if state == "paid" else 0
            line[offset] += count
            line[offset + 1] += amount
        for semester, amount, count in Installment._read_group(
            [
                *domain,
                ("state", "in", ("to_certify", "certified", "billed")),
                ("due_date", "<", today),
            ],
            ["semester_id"],
            ["amount:sum", "__count"],
        ):
            line = summary.setdefault(semester, [0, 0.0, 0, 0.0, 0, 0.0])
            line[2] += count
            line[3] += amount
        return summary

    @api.model
    def _installment_columns(self):
        return [
            (self.env._("Installment"), 24, "text"),
            (self.env._("Beneficiary"), 30, "text"),
            (self.env._("Programme"), 30, "text"),
            (self.env._("Semester"), 12, "text"),
            (self.env._("Due Date"), 12, "date"),
            (self.env._("Amount"), 14, "money"),
            (self.env._("Status"), 14, "text"),
            (self.env._("Service Fait"), 12, "date"),
            (self.env._("Bill"), 20, "text"),
            (self.env._("Payment Status"), 16, "text"),
        ]

    @api.model
    def _installments_xlsx(self, domain=None):
        """Due, overdue and paid installments per semester, then the detail."""
        domain = [*(domain or []), ("company_id", "in", self.env.companies.ids)]
        Installment = self.env["health.grant.installment"]
        today = fields.Date.context_today(self)
        summary = self._installment_summary(domain)
        book = self._xlsx_book()
        sheet = book.add_sheet(
            self.env._("Per semester"),
            [
                (self.env._("Semester"), 14, "text"),
                (self.env._("Due (count)"), 12, "int"),
                (self.env._("Due"), 16, "money"),
                (self.env._("Overdue (count)"), 12, "int"),
                (self.env._("Overdue"), 16, "money"),
                (self.env._("Paid (count)"), 12, "int"),
                (self.env._("Paid"), 16, "money"),
            ],
            title=self.env._(
                "Installments due, overdue and paid on %s", today.strftime("%d/%m/%Y")
            ),
        )
        totals = [0, 0.0, 0, 0.0, 0, 0.0]
        for semester in sorted(summary, key=lambda s: (s.date_start or today, s.id)):
            line = summary[semester]
            sheet.write_row([semester.code or self.env._("None"), *line])
            totals = [total + value for total, value in zip(totals, line, strict=True)]
        sheet.write_total([self.env._("Total"), *totals])

        detail = book.add_sheet(
            self.env._("Installments"),
            self._installment_columns(),
            title=self.env._("Detail of the installments"),
        )
        state_labels = self._selection_labels("health.grant.installment", "state")
        payment_labels = self._selection_labels("health.grant.installment", "payment_state")
        ids = Installment.search(domain).ids
        total = 0.0
        for start in range(0, len(ids), CHUNK):
            chunk = Installment.browse(ids[start : start + CHUNK])
            chunk.fetch(["grant_id", "sequence", "partner_id", "program_id", "semester_id"])
            bill_names = self._bill_names(chunk)
            for inst in chunk:
                detail.write_row(
                    [
                        inst.name,
                        inst.partner_id.display_name or "",
                        inst.program_id.name or "",
                        inst.semester_id.code or "",
                        inst.due_date,
                        inst.amount,
                        state_labels.get(inst.state, ""),
                        inst.certified_date or None,
                        bill_names.get(inst.bill_id.id, ""),
                        payment_labels.get(inst.payment_state, ""),
                    ]
                )
                total += inst.amount
            chunk.invalidate_recordset()
        detail.write_total([self.env._("Total"), None, None, None, None, total])
        return book.close()

    # ------------------------------------------------------------ statement
    @api.model
    def _statement_xlsx(self, partner):
        """Everything a beneficiary was granted, paid and asked to refund."""
        grants = self.env["health.grant"].search([("partner_id", "=", partner.id)])
        book = self._xlsx_book()
        sheet = book.add_sheet(
            self.env._("Statement"),
            [
                (self.env._("Grant"), 18, "text"),
                (self.env._("Programme"), 30, "text"),
                (self.env._("Decision"), 16, "text"),
                (self.env._("Installment"), 12, "int"),
                (self.env._("Due Date"), 12, "date"),
                (self.env._("Amount"), 14, "money"),
                (self.env._("Bill"), 20, "text"),
                (self.env._("Payment Status"), 16, "text"),
            ],
            title=self.env._("Statement of %s", partner.display_name),
        )
        payment_labels = self._selection_labels("health.grant.installment", "payment_state")
        bill_names = self._bill_names(grants.installment_ids)
        granted = paid = 0.0
        for grant in grants:
            granted += grant.granted_amount if grant.state != "cancelled" else 0.0
            for inst in grant.installment_ids:
                sheet.write_row(
                    [
                        grant.name,
                        grant.program_id.name,
                        grant.act_id.number or "",
                        inst.sequence,
                        inst.due_date,
                        inst.amount,
                        bill_names.get(inst.bill_id.id, ""),
                        payment_labels.get(inst.payment_state, ""),
                    ]
                )
                if inst.state == "paid":
                    paid += inst.amount
        reclaimed = sum(grants.mapped("reclaimed_amount"))
        sheet.skip()
        for label, value in (
            (self.env._("Total granted"), granted),
            (self.env._("Total paid"), paid),
            (self.env._("Total reclaimed"), reclaimed),
        ):
            sheet.write_total([label, None, None, None, None, value])
        return book.close()

    # ------------------------------------------------------------ bordereau
    @api.model
    def _bordereau_bills(self, installments):
        """The posted bills of ``installments``, in sudo.

        The installments are read with the user's rights first (an
        AccessError if the user may not read them); their bills are then read
        in sudo, so that a grants officer without accounting rights gets the
        bordereau of the installments they see, and nothing else.
        """
        installments.check_access("read")
        return installments.bill_id.sudo().filtered(lambda m: m.state == "posted")

    @api.model
    def _bank_account_number(self, bank):
        """The account number as the user may see it: in full with
        accounting rights, otherwise its first and last four characters
        only, as the grants hide bank details from grants officers."""
        if self.env.user.has_groups("account.group_account_invoice,account.group_account_readonly"):
            return bank.acc_number or ""
        number = bank.sanitized_acc_number or ""
        if len(number) <= 8:
            return "*" * len(number)
        return number[:4] + "*" * (len(number) - 8) + number[-4:]

    @api.model
    def _bordereau_xlsx(self, installments):
        """Bordereau de mandats: the posted bills of ``installments`` sent to
        the public accountant."""
        bills = self._bordereau_bills(installments)
        if not bills:
            raise UserError(self.env._("None of these installments has a posted bill."))
        book = self._xlsx_book()
        sheet = book.add_sheet(
            self.env._("Bordereau"),
            [
                (self.env._("Payment Order"), 20, "text"),
                (self.env._("Date"), 12, "date"),
                (self.env._("Beneficiary"), 30, "text"),
                (self.env._("IBAN"), 34, "text"),
                (self.env._("BIC"), 14, "text"),
                (self.env._("Object"), 40, "text"),
                (self.env._("Expense Account"), 16, "text"),
                (self.env._("Amount"), 14, "money"),
            ],
            title=self.env._(
                "Bordereau of payment orders of %s",
                fields.Date.context_today(self).strftime("%d/%m/%Y"),
            ),
        )
        total = 0.0
        for bill in bills.sorted("name"):
            bank = bill.partner_bank_id
            sheet.write_row(
                [
                    bill.name,
                    bill.invoice_date,
                    bill.partner_id.display_name,
                    self._bank_account_number(bank),
                    bank.bank_bic or "",
                    bill.ref or "",
                    ", ".join(bill.invoice_line_ids.account_id.mapped("code")),
                    bill.amount_total,
                ]
            )
            total += bill.amount_total
        sheet.write_total([self.env._("Total"), None, None, None, None, None, None, total])
        return book.close()
