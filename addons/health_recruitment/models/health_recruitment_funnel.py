from odoo import fields, models
from odoo.addons.health_base import tools
from odoo.tools import SQL, drop_view_if_exists


class HealthRecruitmentFunnel(models.Model):
    """Funnel of the recruitment teams: for each stage, the candidacies that
    reached it (or went further), won, lost or still open."""

    _name = "health.recruitment.funnel"
    _inherit = ["health.input.mixin"]
    _description = "Recruitment Funnel"
    _auto = False
    _order = "stage_sequence, stage_id"

    stage_id = fields.Many2one("crm.stage", string="Stage", readonly=True)
    stage_sequence = fields.Integer(readonly=True)
    team_id = fields.Many2one("crm.team", string="Team", readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Candidacy", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    candidate_type = fields.Selection(tools.CANDIDATE_TYPES, readonly=True)
    semester_id = fields.Many2one(
        "health.internship.semester", string="Internship Semester", readonly=True
    )
    source_id = fields.Many2one("utm.source", string="Source", readonly=True)
    territory_id = fields.Many2one("health.territory", string="Installation Commune", readonly=True)
    lead_count = fields.Integer(string="Candidacies", readonly=True, aggregator="sum")

    def _query(self):
        return """
            SELECT row_number() OVER () AS id,
                   stage.id AS stage_id,
                   stage.sequence AS stage_sequence,
                   lead.team_id AS team_id,
                   lead.id AS lead_id,
                   lead.company_id AS company_id,
                   lead.health_candidate_type AS candidate_type,
                   lead.health_semester_id AS semester_id,
                   lead.source_id AS source_id,
                   lead.health_installation_territory_id AS territory_id,
                   1 AS lead_count
              FROM crm_lead lead
              JOIN crm_stage furthest
                ON furthest.id = lead.health_furthest_stage_id
              JOIN crm_stage stage
                ON stage.team_id = lead.team_id
               AND stage.sequence <= furthest.sequence
             WHERE lead.health_is_recruitment
        """

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._query()),
            )
        )
