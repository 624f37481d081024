"""Volumes shared by the benchmark scenarios: rows built in bulk (the
setup is not what is measured)."""

import sys
from datetime import date

from psycopg2 import sql

from odoo import Command


def note(message, source="bench"):
    print(f"{source}: {message}", file=sys.stderr)


def clone(env, model, template_id, count, overrides=None):
    """``count`` copies of one row through SQL (the setup is not what is
    measured); ``overrides``: SQL expressions of some columns, where
    ``s.i`` is the copy's number.  Returns the new ids."""
    table = env[model]._table
    env.flush_all()
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s AND column_name != 'id' ORDER BY ordinal_position",
        [table],
    )
    columns = [row[0] for row in env.cr.fetchall()]
    overrides = overrides or {}
    query = sql.SQL(
        "INSERT INTO {table} ({columns}) SELECT {values} FROM {table} "
        "CROSS JOIN generate_series(1, %s) AS s(i) WHERE {table}.id = %s RETURNING id"
    ).format(
        table=sql.Identifier(table),
        columns=sql.SQL(", ").join(map(sql.Identifier, columns)),
        values=sql.SQL(", ").join(
            sql.SQL(overrides[column])
            if column in overrides
            else sql.SQL("{table}.{column}").format(
                table=sql.Identifier(table), column=sql.Identifier(column)
            )
            for column in columns
        ),
    )
    env.cr.execute(query, [count, template_id])
    ids = [row[0] for row in env.cr.fetchall()]
    env.invalidate_all()
    return ids


def installments(env, n, year, communes):
    """N installments of 100 grants to 100 beneficiaries, one per commune."""
    Account = env["account.account"]
    account = Account.search(
        [*Account._check_company_domain(env.company), ("account_type", "=", "expense")], limit=1
    )
    journal = env["account.journal"].search(
        [*env["account.journal"]._check_company_domain(env.company), ("type", "=", "purchase")],
        limit=1,
    )
    msu = env.ref("health_base.role_msu")
    partners = env["res.partner"].create(
        [
            {
                "name": f"Dr Bench Report {i}",
                "health_role_ids": [Command.set(msu.ids)],
                "health_territory_id": commune.id,
            }
            for i, commune in enumerate(communes)
        ]
    )
    program = env["health.grant.program"].create(
        {
            "name": "Bench report programme",
            "amount_rule": "fixed",
            "unit_amount": 500.0,
            "installment_count": 1,
            "proof_required": False,
            "expense_account_id": account.id,
            "journal_id": journal.id,
            "envelope_ids": [Command.create({"year": year, "amount": 500.0 * n})],
        }
    )
    grants = env["health.grant"].create(
        [
            {
                "program_id": program.id,
                "partner_id": partner.id,
                "budget_year": year,
                "state": "approved",
            }
            for partner in partners
        ]
    )
    env.flush_all()
    env.cr.execute(
        """
        INSERT INTO health_grant_installment
            (grant_id, sequence, partner_id, program_id, company_id, budget_year,
             amount, due_date, state, cancelled)
        SELECT g.id, s.i, g.partner_id, g.program_id, g.company_id, %(year)s,
               100 + (s.i %% 7),
               (CASE WHEN s.i %% 2 = 0 THEN %(start)s ELSE %(previous)s END)::date
                   + (s.i %% 360),
               (ARRAY['certified', 'paid', 'paid', 'paid'])[1 + s.i %% 4], false
          FROM health_grant g
          CROSS JOIN generate_series(1, %(per_grant)s) AS s(i)
         WHERE g.id = ANY(%(grants)s)
        """,
        {
            "year": year,
            "start": date(year, 1, 1),
            "previous": date(year - 1, 1, 1),
            "per_grant": max(1, n // len(grants)),
            "grants": grants.ids,
        },
    )
    env.invalidate_all()


def optional(label, func, *args):
    """Volumes of other applications: left out (and said) when they cannot
    be built, the reports are measured anyway."""
    env = args[0]
    try:
        with env.cr.savepoint():
            func(*args)
    except Exception as error:  # a missing volume is reported, not fatal
        env.invalidate_all()
        note(f"{label} left out: {error}")


def analyze(env, *models):
    """Give the planner the statistics of the rows just built: a production
    database has them from autovacuum, a benchmark's fresh tables do not, and
    without them PostgreSQL plans for empty tables (nested loops over
    sequential scans)."""
    env.flush_all()
    for model in models:
        if model in env:
            env.cr.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(env[model]._table)))


def territories(env, label, dept_code, epci_count, commune_count, commune_values=None):
    """A département ``dept_code`` of ``epci_count`` EPCIs sharing
    ``commune_count`` communes (codes ``<dept_code><nnn>``);
    ``commune_values(i)``: more values of the i-th commune.  Returns the
    département, the EPCIs and the communes."""
    Territory = env["health.territory"]
    dept = Territory.create(
        {"name": f"{label} Département", "territory_type": "departement", "code": dept_code}
    )
    digits = "".join(c if c.isdigit() else "0" for c in dept_code)
    epcis = Territory.create(
        [
            {
                "name": f"{label} EPCI {i}",
                "territory_type": "epci",
                "code": f"2{digits}{i:0{8 - len(digits)}d}",
                "parent_id": dept.id,
            }
            for i in range(epci_count)
        ]
    )
    communes = Territory.create(
        [
            {
                "name": f"{label} commune {i}",
                "territory_type": "commune",
                "code": f"{dept_code}{i:03d}",
                "parent_id": epcis[i % epci_count].id,
                **(commune_values(i) if commune_values else {}),
            }
            for i in range(commune_count)
        ]
    )
    return dept, epcis, communes
