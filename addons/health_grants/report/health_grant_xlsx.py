import io

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError

# Rows read at once when a sheet lists many installments.
CHUNK = 5000


class HealthGrantXlsx(models.AbstractModel):
    """Spreadsheets for finance: commitments against envelopes, installments
    per semester, statement of a beneficiary, bordereau of payment orders.

    Written with xlsxwriter (an Odoo dependency) in constant-memory mode, so
    that a report over a hundred thousand installments stays small in
    memory; no extra addon is needed.
    """

    _name = "health.grant.xlsx"
    _description = "Grant Spreadsheets"

    # ------------------------------------------------------------- helpers
    @api.model
    def _new_workbook(self):
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True})
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "text": workbook.add_format({}),
            "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
            "money": workbook.add_format({"num_format": '#,##0.00 "€"'}),
            "int": workbook.add_format({"num_format": "0"}),
            "total": workbook.add_format({"bold": True, "top": 1}),
            "total_money": workbook.add_format(
                {"bold": True, "top": 1, "num_format": '#,##0.00 "€"'}
            ),
        }
        return buffer, workbook, formats

    @api.model
    def _write_header(self, sheet, formats, row, title, headers, widths):
        sheet.write(0, 0, title, formats["title"])
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            sheet.set_column(col, col, width)
            sheet.write(row, col, header, formats["header"])

    @api.model
    def _close(self, buffer, workbook):
        workbook.close()
        return buffer.getvalue()

    @api.model
    def _download(self, content, filename):
        attachment = self.env["ir.attachment"].create(
            {
                "name": filename,
                "raw": content,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

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
    def _payment_labels(self):
        Installment = self.env["health.grant.installment"]
        return dict(Installment._fields["payment_state"]._description_selection(self.env))

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
        buffer, workbook, formats = self._new_workbook()
        sheet = workbook.add_worksheet(self.env._("Commitments"))
        headers = [
            self.env._("Programme"),
            self.env._("Envelope"),
            self.env._("Committed"),
            self.env._("Billed"),
            self.env._("Paid"),
            self.env._("Remaining"),
        ]
        self._write_header(
            sheet,
            formats,
            2,
            self.env._("Commitments against envelopes, budget year %s", year),
            headers,
            [40, 16, 16, 16, 16, 16],
        )
        row = 3
        totals = [0.0] * 5
        for program in programs:
            envelope = program._get_envelope(year).amount
            done = committed.get((program.id, year), 0.0)
            billed = installments.get((program.id, "billed"), 0.0)
            paid = installments.get((program.id, "paid"), 0.0)
            values = [envelope, done, billed + paid, paid, envelope - done]
            sheet.write(row, 0, program.name, formats["text"])
            for col, value in enumerate(values, start=1):
                sheet.write_number(row, col, value, formats["money"])
                totals[col - 1] += value
            row += 1
        sheet.write(row, 0, self.env._("Total"), formats["total"])
        for col, value in enumerate(totals, start=1):
            sheet.write_number(row, col, value, formats["total_money"])
        return self._close(buffer, workbook)

    # --------------------------------------------------------- installments
    @api.model
    def _installment_columns(self):
        return [
            (self.env._("Installment"), 24),
            (self.env._("Beneficiary"), 30),
            (self.env._("Programme"), 30),
            (self.env._("Semester"), 12),
            (self.env._("Due Date"), 12),
            (self.env._("Amount"), 14),
            (self.env._("Status"), 14),
            (self.env._("Service Fait"), 12),
            (self.env._("Bill"), 20),
            (self.env._("Payment Status"), 16),
        ]

    @api.model
    def _installments_xlsx(self, domain=None):
        """Due, overdue and paid installments per semester, then the detail."""
        domain = [*(domain or []), ("company_id", "in", self.env.companies.ids)]
        Installment = self.env["health.grant.installment"]
        today = fields.Date.context_today(self)
        open_states = ("to_certify", "certified", "billed")
        summary = {}
        for semester, state, amount, count in Installment._read_group(
            [*domain, ("state", "!=", "cancelled")],
            ["semester_id", "state"],
            ["amount:sum", "__count"],
        ):
            line = summary.setdefault(semester, [0, 0.0, 0, 0.0, 0, 0.0])
            if state == "paid":
                line[4] += count
                line[5] += amount
            else:
                line[0] += count
                line[1] += amount
        for semester, amount, count in Installment._read_group(
            [*domain, ("state", "in", open_states), ("due_date", "<", today)],
            ["semester_id"],
            ["amount:sum", "__count"],
        ):
            line = summary.setdefault(semester, [0, 0.0, 0, 0.0, 0, 0.0])
            line[2] += count
            line[3] += amount
        buffer, workbook, formats = self._new_workbook()
        sheet = workbook.add_worksheet(self.env._("Per semester"))
        headers = [
            self.env._("Semester"),
            self.env._("Due (count)"),
            self.env._("Due"),
            self.env._("Overdue (count)"),
            self.env._("Overdue"),
            self.env._("Paid (count)"),
            self.env._("Paid"),
        ]
        self._write_header(
            sheet,
            formats,
            2,
            self.env._("Installments due, overdue and paid on %s", today.strftime("%d/%m/%Y")),
            headers,
            [14, 12, 16, 12, 16, 12, 16],
        )
        row = 3
        totals = [0, 0.0, 0, 0.0, 0, 0.0]
        for semester in sorted(summary, key=lambda s: (s.date_start or fields.Date.today(), s.id)):
            line = summary[semester]
            sheet.write(row, 0, semester.code or self.env._("None"), formats["text"])
            for col, value in enumerate(line, start=1):
                sheet.write_number(row, col, value, formats["money" if col % 2 == 0 else "int"])
                totals[col - 1] += value
            row += 1
        sheet.write(row, 0, self.env._("Total"), formats["total"])
        for col, value in enumerate(totals, start=1):
            sheet.write_number(row, col, value, formats["total_money" if col % 2 == 0 else "total"])

        detail = workbook.add_worksheet(self.env._("Installments"))
        columns = self._installment_columns()
        self._write_header(
            detail,
            formats,
            2,
            self.env._("Detail of the installments"),
            [c[0] for c in columns],
            [c[1] for c in columns],
        )
        state_labels = dict(Installment._fields["state"]._description_selection(self.env))
        payment_labels = self._payment_labels()
        ids = Installment.search(domain).ids
        row = 3
        total = 0.0
        for start in range(0, len(ids), CHUNK):
            chunk = Installment.browse(ids[start : start + CHUNK])
            chunk.fetch(["grant_id", "sequence", "partner_id", "program_id", "semester_id"])
            bill_names = self._bill_names(chunk)
            for inst in chunk:
                detail.write(row, 0, inst.name, formats["text"])
                detail.write(row, 1, inst.partner_id.display_name or "", formats["text"])
                detail.write(row, 2, inst.program_id.name or "", formats["text"])
                detail.write(row, 3, inst.semester_id.code or "", formats["text"])
                detail.write_datetime(
                    row, 4, fields.Datetime.to_datetime(inst.due_date), formats["date"]
                )
                detail.write_number(row, 5, inst.amount, formats["money"])
                detail.write(row, 6, state_labels.get(inst.state, ""), formats["text"])
                if inst.certified_date:
                    detail.write_datetime(
                        row, 7, fields.Datetime.to_datetime(inst.certified_date), formats["date"]
                    )
                detail.write(row, 8, bill_names.get(inst.bill_id.id, ""), formats["text"])
                detail.write(row, 9, payment_labels.get(inst.payment_state, ""), formats["text"])
                total += inst.amount
                row += 1
            chunk.invalidate_recordset()
        detail.write(row, 0, self.env._("Total"), formats["total"])
        detail.write_number(row, 5, total, formats["total_money"])
        return self._close(buffer, workbook)

    # ------------------------------------------------------------ statement
    @api.model
    def _statement_xlsx(self, partner):
        """Everything a beneficiary was granted, paid and asked to refund."""
        grants = self.env["health.grant"].search([("partner_id", "=", partner.id)])
        buffer, workbook, formats = self._new_workbook()
        sheet = workbook.add_worksheet(self.env._("Statement"))
        columns = [
            (self.env._("Grant"), 18),
            (self.env._("Programme"), 30),
            (self.env._("Decision"), 16),
            (self.env._("Installment"), 12),
            (self.env._("Due Date"), 12),
            (self.env._("Amount"), 14),
            (self.env._("Bill"), 20),
            (self.env._("Payment Status"), 16),
        ]
        self._write_header(
            sheet,
            formats,
            2,
            self.env._("Statement of %s", partner.display_name),
            [c[0] for c in columns],
            [c[1] for c in columns],
        )
        payment_labels = self._payment_labels()
        bill_names = self._bill_names(grants.installment_ids)
        row = 3
        granted = paid = 0.0
        for grant in grants:
            granted += grant.granted_amount if grant.state != "cancelled" else 0.0
            for inst in grant.installment_ids:
                sheet.write(row, 0, grant.name, formats["text"])
                sheet.write(row, 1, grant.program_id.name, formats["text"])
                sheet.write(row, 2, grant.act_id.number or "", formats["text"])
                sheet.write_number(row, 3, inst.sequence, formats["int"])
                sheet.write_datetime(
                    row, 4, fields.Datetime.to_datetime(inst.due_date), formats["date"]
                )
                sheet.write_number(row, 5, inst.amount, formats["money"])
                sheet.write(row, 6, bill_names.get(inst.bill_id.id, ""), formats["text"])
                sheet.write(row, 7, payment_labels.get(inst.payment_state, ""), formats["text"])
                if inst.state == "paid":
                    paid += inst.amount
                row += 1
        reclaimed = sum(grants.mapped("reclaimed_amount"))
        row += 1
        for label, value in (
            (self.env._("Total granted"), granted),
            (self.env._("Total paid"), paid),
            (self.env._("Total reclaimed"), reclaimed),
        ):
            sheet.write(row, 0, label, formats["total"])
            sheet.write_number(row, 5, value, formats["total_money"])
            row += 1
        return self._close(buffer, workbook)

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
        buffer, workbook, formats = self._new_workbook()
        sheet = workbook.add_worksheet(self.env._("Bordereau"))
        columns = [
            (self.env._("Payment Order"), 20),
            (self.env._("Date"), 12),
            (self.env._("Beneficiary"), 30),
            (self.env._("IBAN"), 34),
            (self.env._("BIC"), 14),
            (self.env._("Object"), 40),
            (self.env._("Expense Account"), 16),
            (self.env._("Amount"), 14),
        ]
        self._write_header(
            sheet,
            formats,
            2,
            self.env._(
                "Bordereau of payment orders of %s",
                fields.Date.context_today(self).strftime("%d/%m/%Y"),
            ),
            [c[0] for c in columns],
            [c[1] for c in columns],
        )
        row = 3
        total = 0.0
        for bill in bills.sorted("name"):
            bank = bill.partner_bank_id
            accounts = bill.invoice_line_ids.account_id
            sheet.write(row, 0, bill.name, formats["text"])
            sheet.write_datetime(
                row, 1, fields.Datetime.to_datetime(bill.invoice_date), formats["date"]
            )
            sheet.write(row, 2, bill.partner_id.display_name, formats["text"])
            sheet.write(row, 3, self._bank_account_number(bank), formats["text"])
            sheet.write(row, 4, bank.bank_bic or "", formats["text"])
            sheet.write(row, 5, bill.ref or "", formats["text"])
            sheet.write(row, 6, ", ".join(accounts.mapped("code")), formats["text"])
            sheet.write_number(row, 7, bill.amount_total, formats["money"])
            total += bill.amount_total
            row += 1
        sheet.write(row, 0, self.env._("Total"), formats["total"])
        sheet.write_number(row, 7, total, formats["total_money"])
        return self._close(buffer, workbook)
