"""Before the upgrade to 18.0.2.0.0.

- The deadlines already reminded are kept as dates (the reminder flags now
  follow from them): add the columns and fill them from the flags, so that no
  deadline is reminded twice after the upgrade.
- Renewals are numbered by ``health.numbered.mixin`` with a unique index per
  convention: renumber them 1, 2, 3… per convention (they used to be numbered
  without a lock, so that two renewals may share a number).
"""

from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    if not version:
        return
    for kind, deadline in (("notice", "notice_deadline"), ("end", "date_end")):
        column = f"{kind}_reminded_deadline"
        if column_exists(cr, "health_convention", column):
            continue
        create_column(cr, "health_convention", column, "date")
        cr.execute(
            f"""
            UPDATE health_convention
               SET {column} = {deadline}
             WHERE {kind}_reminder_done IS TRUE
            """
        )
    cr.execute(
        """
        UPDATE health_convention_renewal renewal
           SET number = ordered.position
          FROM (
                SELECT id, row_number() OVER (
                           PARTITION BY convention_id ORDER BY number, id
                       ) AS position
                  FROM health_convention_renewal
               ) AS ordered
         WHERE renewal.id = ordered.id
           AND renewal.number IS DISTINCT FROM ordered.position
        """
    )
