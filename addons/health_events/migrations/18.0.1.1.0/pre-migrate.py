"""The accounting of the evenings moved to health_events_account.

The fields keep their columns (same models, same names): their ``ir.model.data``
entries, and those of the analytic plan and of the demo analytic accounts,
change module before this upgrade would delete the fields (and drop their
columns) as no longer defined by health_events.  The new addon and the
suite's chart step are marked for installation, so that this same upgrade
loads them (as Odoo's upgrade scripts do for a split module).
"""

import logging

_logger = logging.getLogger(__name__)

NEW_MODULE = "health_events_account"
# the records that keep their data: fields of the accounting, the analytic
# plan, the demo analytic accounts (the demo bills, posted, keep theirs)
MOVED = {
    "ir.model.fields": (
        "field_event_event__health_analytic_account_id",
        "field_event_event__health_bill_ids",
        "field_event_event__health_bill_count",
        "field_event_event__health_currency_id",
        "field_event_event__health_cost_amount",
        "field_event_event__health_cost_per_participant",
        "field_account_move__health_event_id",
        "field_account_bank_statement_line__health_event_id",
        "field_account_payment__health_event_id",
    ),
    "account.analytic.plan": ("analytic_plan_welcome_evenings",),
    "account.analytic.account": (
        "analytic_account_welcome_2025_11_demo",
        "analytic_account_welcome_2026_05_demo",
        "analytic_account_welcome_2026_11_demo",
    ),
}


def migrate(cr, version):
    if not version:
        return
    for model, names in MOVED.items():
        cr.execute(
            """
            UPDATE ir_model_data imd
               SET module = %s
             WHERE imd.module = 'health_events'
               AND imd.model = %s
               AND imd.name IN %s
               AND NOT EXISTS (
                   SELECT 1 FROM ir_model_data other
                    WHERE other.module = %s AND other.name = imd.name
               )
            """,
            (NEW_MODULE, model, names, NEW_MODULE),
        )
    cr.execute(
        """
        UPDATE ir_module_module
           SET state = 'to install'
         WHERE name IN ('health_base_account', %s) AND state = 'uninstalled'
        RETURNING name
        """,
        (NEW_MODULE,),
    )
    for (name,) in cr.fetchall():
        _logger.info("%s is installed with this upgrade (accounting of the evenings)", name)
