"""After the upgrade to 18.0.2.0.0: the authorising acts.

The deliberation of a party (number, date, body and its transmission to the
Préfecture), the deliberation of an amendment and the decision of an express
renewal were columns of these records; they become ``health.authorising.act``
records that the parties (several acts each), amendments and renewals refer
to. The acts are created in one batch per kind of record -- one act per
authority, type, number and date, an act already recorded being reused --
then linked in one query each. An act needs a number and a date: a missing
number reads "?", a missing date is the signature date (or the day the
record was created). The old columns are left in place (Odoo keeps the
columns of removed fields).
"""

from odoo import SUPERUSER_ID, api
from odoo.tools.sql import column_exists

ACT_FIELDS = (
    "act_type",
    "number",
    "date",
    "body",
    "partner_id",
    "company_id",
    "subject",
    "transmission_required",
    "act_identifier",
    "transmission_date",
    "acknowledgement_date",
    "enforceable_date",
)


def _rows(cr, query):
    cr.execute(query)
    return cr.dictfetchall()


def _get_acts(env, rows):
    """The ids of the acts of ``rows`` (values of acts, as read from the old
    columns), created in one batch, one per authority, type, number and
    date; in the order of ``rows``."""
    Act = env["health.authorising.act"].with_context(active_test=False)

    def key(values):
        return (values["partner_id"] or False, values["act_type"], values["number"], values["date"])

    acts = {}
    if rows:
        for act in Act.search([("number", "in", list({row["number"] for row in rows}))]):
            acts[(act.partner_id.id or False, act.act_type, act.number, act.date)] = act.id
    to_create = {}
    for row in rows:
        if key(row) not in acts:
            to_create.setdefault(
                key(row), {name: row[name] for name in ACT_FIELDS if row.get(name) is not None}
            )
    created = Act.create(list(to_create.values()))
    acts.update(zip(to_create, created.ids, strict=False))
    return [acts[key(row)] for row in rows]


def _party_acts(env):
    cr = env.cr
    if not column_exists(cr, "health_convention_party", "deliberation_number"):
        return
    rows = _rows(
        cr,
        """
        SELECT party.id, 'deliberation' AS act_type, party.partner_id, convention.company_id,
               COALESCE(party.deliberation_number, '?') AS number,
               COALESCE(party.deliberation_date, party.signature_date,
                        party.create_date::date) AS date,
               party.deliberation_body AS body,
               COALESCE(party.transmission_required, FALSE) AS transmission_required,
               party.act_identifier, party.transmission_date,
               party.acknowledgement_date, party.enforceable_date
          FROM health_convention_party party
          JOIN health_convention convention ON convention.id = party.convention_id
         WHERE (party.deliberation_number IS NOT NULL OR party.deliberation_date IS NOT NULL)
           AND NOT EXISTS (
                SELECT 1 FROM health_convention_party_act_rel rel WHERE rel.party_id = party.id
           )
         ORDER BY party.id
        """,
    )
    act_ids = _get_acts(env, rows)
    if rows:
        cr.execute(
            """
            INSERT INTO health_convention_party_act_rel (party_id, act_id)
            SELECT * FROM unnest(%s::int[], %s::int[])
            ON CONFLICT DO NOTHING
            """,
            [[row["id"] for row in rows], act_ids],
        )


def _link(cr, table, rows, act_ids):
    if rows:
        cr.execute(
            f"""
            UPDATE {table} AS record
               SET act_id = link.act_id
              FROM unnest(%s::int[], %s::int[]) AS link(id, act_id)
             WHERE record.id = link.id
            """,
            [[row["id"] for row in rows], act_ids],
        )


def _amendment_acts(env):
    cr = env.cr
    if not column_exists(cr, "health_convention_amendment", "deliberation_number"):
        return
    rows = _rows(
        cr,
        """
        SELECT amendment.id, 'deliberation' AS act_type, company.partner_id,
               convention.company_id,
               COALESCE(amendment.deliberation_number, '?') AS number,
               COALESCE(amendment.deliberation_date, amendment.signature_date,
                        amendment.create_date::date) AS date,
               amendment.deliberation_body AS body, FALSE AS transmission_required
          FROM health_convention_amendment amendment
          JOIN health_convention convention ON convention.id = amendment.convention_id
          JOIN res_company company ON company.id = convention.company_id
         WHERE amendment.act_id IS NULL
           AND (amendment.deliberation_number IS NOT NULL
                OR amendment.deliberation_date IS NOT NULL)
         ORDER BY amendment.id
        """,
    )
    _link(cr, "health_convention_amendment", rows, _get_acts(env, rows))


def _renewal_acts(env):
    cr = env.cr
    if not column_exists(cr, "health_convention_renewal", "decision"):
        return
    rows = _rows(
        cr,
        """
        SELECT renewal.id, 'decision' AS act_type, company.partner_id, convention.company_id,
               renewal.decision AS number, renewal.date, FALSE AS transmission_required,
               convention.name AS convention
          FROM health_convention_renewal renewal
          JOIN health_convention convention ON convention.id = renewal.convention_id
          JOIN res_company company ON company.id = convention.company_id
         WHERE renewal.act_id IS NULL AND renewal.decision IS NOT NULL
         ORDER BY renewal.id
        """,
    )
    for row in rows:
        row["subject"] = env._("Express renewal of %(convention)s", convention=row["convention"])
    _link(cr, "health_convention_renewal", rows, _get_acts(env, rows))


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
    _party_acts(env)
    _amendment_acts(env)
    _renewal_acts(env)
