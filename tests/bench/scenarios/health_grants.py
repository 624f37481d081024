"""Benchmark rows of health_grants."""

import io

import xlsxwriter

from odoo import Command
from tests.bench.harness import Scenario, scenario

IBAN = "FR7630002005500000111110429"


def _accounting(env):
    Account = env["account.account"]
    account = Account.search(
        [*Account._check_company_domain(env.company), ("account_type", "=", "expense")], limit=1
    )
    journal = env["account.journal"].search(
        [*env["account.journal"]._check_company_domain(env.company), ("type", "=", "purchase")],
        limit=1,
    )
    return account, journal


def _beneficiaries(env, count):
    msu = env.ref("health_base.role_msu")
    partners = env["res.partner"].create(
        [
            {"name": f"Dr Bench Grant {i}", "health_role_ids": [Command.set(msu.ids)]}
            for i in range(count)
        ]
    )
    env["res.partner.bank"].create(
        [{"partner_id": p.id, "acc_number": IBAN, "allow_out_payment": True} for p in partners]
    )
    return partners


def _program(env, n, account, journal):
    return env["health.grant.program"].create(
        {
            "name": "Bench programme",
            "amount_rule": "fixed",
            "unit_amount": 500.0,
            "installment_count": 1,
            "proof_required": False,
            "expense_account_id": account.id,
            "journal_id": journal.id,
            "envelope_ids": [Command.create({"year": 2026, "amount": 500.0 * n})],
        }
    )


@scenario(
    "grants: certify + bill N installments (posted vendor bills)",
    module="health_grants",
    baseline_label="create and post N vendor bills",
    sizes=(100, 1000),
)
class CertifyAndBill(Scenario):
    def setup(self, env, n):
        account, journal = _accounting(env)
        partners = _beneficiaries(env, min(n, 100))
        program = _program(env, n, account, journal)
        acts = env["health.authorising.act"].create(
            [
                {
                    "act_type": "deliberation",
                    "body": "standing_committee",
                    "number": f"BENCH-{i}",
                    "date": "2026-10-12",
                    "subject": f"Bench grant {i}",
                    "partner_id": env.company.partner_id.id,
                }
                for i in range(n)
            ]
        )
        grants = env["health.grant"].create(
            [
                {
                    "program_id": program.id,
                    "partner_id": partners[i % len(partners)].id,
                    "act_id": acts[i].id,
                    "budget_year": 2026,
                }
                for i in range(n)
            ]
        )
        grants.action_submit()
        grants.action_approve()
        env.flush_all()
        return {
            "installments": grants.installment_ids.ids,
            "partners": partners.ids,
            "account": account.id,
            "journal": journal.id,
        }

    def run(self, env, n, data):
        installments = env["health.grant.installment"].browse(data["installments"])
        installments.action_certify()
        installments._create_bills()
        env.flush_all()

    def baseline(self, env, n, data):
        partners = data["partners"]
        bills = env["account.move"].create(
            [
                {
                    "move_type": "in_invoice",
                    "partner_id": partners[i % len(partners)],
                    "journal_id": data["journal"],
                    "invoice_date": "2026-11-25",
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": f"Grant {i}",
                                "quantity": 1,
                                "price_unit": 500.0,
                                "account_id": data["account"],
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
                for i in range(n)
            ]
        )
        bills.action_post()
        env.flush_all()


@scenario(
    "grants: xlsx of N installments per semester (summary + detail)",
    module="health_grants",
    baseline_label="read_group + export_data of N installments to xlsx",
    sizes=(10000, 100000),
)
class InstallmentsXlsx(Scenario):
    FIELDS = [
        "grant_id/name",
        "partner_id/name",
        "program_id/name",
        "semester_id/code",
        "due_date",
        "amount",
        "state",
        "certified_date",
        "bill_id/name",
        "payment_state",
    ]

    def setup(self, env, n):
        account, journal = _accounting(env)
        partners = _beneficiaries(env, 50)
        program = _program(env, n, account, journal)
        semester = env["health.internship.semester"].search([], limit=1) or env[
            "health.internship.semester"
        ].create({"year": 2026, "season": "november"})
        grants = env["health.grant"].create(
            [
                {
                    "program_id": program.id,
                    "partner_id": partners[i % 50].id,
                    "budget_year": 2026,
                    "state": "approved",
                }
                for i in range(1000)
            ]
        )
        env.flush_all()
        # Installments in bulk through SQL: the setup is not what is measured.
        env.cr.execute(
            """
            INSERT INTO health_grant_installment
                (grant_id, sequence, partner_id, program_id, company_id, budget_year,
                 semester_id, amount, due_date, state, cancelled)
            SELECT g.id, s.i, g.partner_id, g.program_id, g.company_id, 2026, %s,
                   100 + (s.i %% 7), DATE '2026-11-02' + (s.i %% 180),
                   (ARRAY['to_certify', 'certified', 'billed', 'paid'])[1 + s.i %% 4], false
              FROM health_grant g
              CROSS JOIN generate_series(1, %s) AS s(i)
             WHERE g.id = ANY(%s)
            """,
            [semester.id, n // 1000, grants.ids],
        )
        env.invalidate_all()
        return {"program": program.id}

    def run(self, env, n, data):
        env["health.grant.xlsx"]._installments_xlsx([("program_id", "=", data["program"])])

    def baseline(self, env, n, data):
        """Odoo core doing the same work: the per-semester sums by the web
        client's read_group (due and paid, then overdue), then export_data
        of the detail, both written to a plain xlsx."""
        Installment = env["health.grant.installment"]
        domain = [("program_id", "=", data["program"])]
        summary = Installment.read_group(
            [*domain, ("state", "!=", "cancelled")],
            ["amount:sum"],
            ["semester_id", "state"],
            lazy=False,
        )
        overdue = Installment.read_group(
            [
                *domain,
                ("state", "in", ("to_certify", "certified", "billed")),
                ("due_date", "<", "2027-01-20"),
            ],
            ["amount:sum"],
            ["semester_id"],
        )
        records = Installment.search(domain)
        rows = records.export_data(self.FIELDS)["datas"]
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet()
        for row_index, group in enumerate(summary + overdue):
            sheet.write(row_index, 0, str(group["semester_id"]))
            sheet.write(row_index, 1, group["amount"])
        sheet = workbook.add_worksheet()
        for col, name in enumerate(self.FIELDS):
            sheet.write(0, col, name)
        for row_index, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                sheet.write(row_index, col, value)
        workbook.close()
