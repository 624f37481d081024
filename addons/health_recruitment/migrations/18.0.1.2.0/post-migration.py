import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import column_exists

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    """The furthest stage reached was kept as a stage sequence: turn it into
    the stage itself (``health_furthest_stage_id``), then drop the old column.

    The new field was computed from the current stage when the module was
    loaded; the candidacies that had gone back get the furthest stage of
    their team (or a shared stage) whose sequence is the one recorded."""
    if not column_exists(cr, "crm_lead", "health_max_stage_sequence"):
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.flush_all()  # the new field computed first, not after this update
    cr.execute(
        SQL(
            """
            UPDATE crm_lead lead
               SET health_furthest_stage_id = furthest.id
              FROM crm_lead old
              JOIN LATERAL (
                    SELECT stage.id
                      FROM crm_stage stage
                     WHERE (stage.team_id = old.team_id OR stage.team_id IS NULL)
                       AND stage.sequence <= old.health_max_stage_sequence
                  ORDER BY stage.team_id IS NULL, stage.sequence DESC, stage.id
                     LIMIT 1
                   ) furthest ON TRUE
              LEFT JOIN crm_stage current ON current.id = old.stage_id
             WHERE old.id = lead.id
               AND old.health_max_stage_sequence > COALESCE(current.sequence, 0)
            """
        )
    )
    _logger.info("Furthest stage restored on %s candidacies that went back", cr.rowcount)
    cr.execute(SQL("ALTER TABLE crm_lead DROP COLUMN health_max_stage_sequence"))
    env.invalidate_all()
