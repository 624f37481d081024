"""Before the models of 18.0.2.0.0 load.

- The workflow ``state`` of a grant loses the derived values "in payment"
  and "paid": they become the new ``payment_status`` (column created and
  filled here, from the old state, so that Odoo does not recompute it for
  every grant), and such grants are "approved".
- The decision number and date of a grant become an authorising act
  (``act_id``): their columns are kept under another name for the
  post-migration, which creates the acts.
"""

from odoo.tools import sql

LEGACY_COLUMNS = {
    "decision_number": "legacy_decision_number",
    "decision_date": "legacy_decision_date",
}


def _split_state(cr):
    if not sql.column_exists(cr, "health_grant", "payment_status"):
        sql.create_column(cr, "health_grant", "payment_status", "varchar")
    cr.execute(
        """
        UPDATE health_grant
           SET payment_status = CASE state
                   WHEN 'paid' THEN 'paid'
                   WHEN 'in_payment' THEN 'in_payment'
                   ELSE 'not_billed'
               END
         WHERE state IN ('approved', 'in_payment', 'paid')
        """
    )
    cr.execute("UPDATE health_grant SET state = 'approved' WHERE state IN ('in_payment', 'paid')")


def _keep_decision_columns(cr):
    for column, legacy in LEGACY_COLUMNS.items():
        if sql.column_exists(cr, "health_grant", column) and not sql.column_exists(
            cr, "health_grant", legacy
        ):
            sql.rename_column(cr, "health_grant", column, legacy)


def migrate(cr, version):
    if not version:
        return
    _split_state(cr)
    _keep_decision_columns(cr)
