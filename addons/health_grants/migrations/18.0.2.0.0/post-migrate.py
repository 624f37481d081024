"""Once the models of 18.0.2.0.0 are loaded: the decision number and date
that the pre-migration kept become authorising acts, one per company,
number and date, created in one batch, and the grants point at them."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL, sql

LEGACY_COLUMNS = ("legacy_decision_number", "legacy_decision_date")


def _legacy_decisions(cr):
    """[(company id, number, date, [grant ids], [grant names])]"""
    cr.execute(
        """
        SELECT company_id, legacy_decision_number, legacy_decision_date,
               array_agg(id ORDER BY id), array_agg(name ORDER BY id)
          FROM health_grant
         WHERE legacy_decision_number IS NOT NULL AND legacy_decision_date IS NOT NULL
         GROUP BY company_id, legacy_decision_number, legacy_decision_date
         ORDER BY legacy_decision_date, legacy_decision_number
        """
    )
    return cr.fetchall()


def _keep_incomplete_decisions(cr):
    """A number without a date (or the reverse) cannot make an act: it is
    kept in the notes of the grant, for the officer to record the act."""
    cr.execute(
        """
        UPDATE health_grant
           SET note = COALESCE(note, '') || '<p>Decision before 18.0.2: '
                      || COALESCE(legacy_decision_number, '?') || ' of '
                      || COALESCE(to_char(legacy_decision_date, 'DD/MM/YYYY'), '?') || '</p>'
         WHERE (legacy_decision_number IS NULL) <> (legacy_decision_date IS NULL)
        """
    )


def _create_acts(env, decisions):
    companies = env["res.company"].browse({company_id for company_id, *_rest in decisions})
    partners = {company.id: company.partner_id.id for company in companies}
    return env["health.authorising.act"].create(
        [
            {
                "act_type": "decision",
                "number": number,
                "date": date,
                "subject": ", ".join(names),
                "company_id": company_id,
                "partner_id": partners[company_id],
            }
            for company_id, number, date, _ids, names in decisions
        ]
    )


def migrate(cr, version):
    if not version or not all(
        sql.column_exists(cr, "health_grant", column) for column in LEGACY_COLUMNS
    ):
        return
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
    _keep_incomplete_decisions(cr)
    decisions = _legacy_decisions(cr)
    if decisions:
        acts = _create_acts(env, decisions)
        env.flush_all()
        grant_ids, act_ids = [], []
        for act, (_company, _number, _date, ids, _names) in zip(acts, decisions, strict=True):
            grant_ids.extend(ids)
            act_ids.extend([act.id] * len(ids))
        cr.execute(
            """
            UPDATE health_grant g
               SET act_id = v.act_id
              FROM unnest(%s::int[], %s::int[]) AS v(grant_id, act_id)
             WHERE g.id = v.grant_id
            """,
            [grant_ids, act_ids],
        )
    for column in LEGACY_COLUMNS:
        cr.execute(SQL("ALTER TABLE health_grant DROP COLUMN %s", SQL.identifier(column)))
