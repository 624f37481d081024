from odoo import fields, models
from odoo.tools import SQL, drop_view_if_exists


class HealthRecruitmentInstallationCost(models.Model):
    """Cost per installation: for each installation commune, the doctors
    installed, what their toolbox measures cost (declined ones excluded)
    and the ratio of the two, in the company's currency."""

    _name = "health.recruitment.installation.cost"
    _inherit = ["health.input.mixin"]
    _description = "Cost per Installation"
    _auto = False
    _order = "cost_per_installation desc, territory_id"
    _rec_name = "territory_id"

    territory_id = fields.Many2one("health.territory", string="Installation Commune", readonly=True)
    team_id = fields.Many2one("crm.team", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", string="Currency", readonly=True)
    installation_count = fields.Integer(string="Installations", readonly=True)
    total_cost = fields.Monetary(
        string="Measures Cost", currency_field="currency_id", readonly=True
    )
    cost_per_installation = fields.Monetary(
        string="Cost per Installation",
        currency_field="currency_id",
        readonly=True,
        aggregator="avg",
        help="Cost of the toolbox measures divided by the number of doctors installed.",
    )

    def _query(self):
        return """
            SELECT MIN(lead.id) AS id,
                   lead.health_installation_territory_id AS territory_id,
                   lead.team_id AS team_id,
                   lead.company_id AS company_id,
                   company.currency_id AS currency_id,
                   COUNT(*) AS installation_count,
                   SUM(COALESCE(lead.health_measure_cost, 0)) AS total_cost,
                   SUM(COALESCE(lead.health_measure_cost, 0)) / COUNT(*) AS cost_per_installation
              FROM crm_lead lead
              JOIN res_company company ON company.id = lead.company_id
             WHERE lead.health_is_recruitment
               AND lead.health_is_installed
               AND lead.active
          GROUP BY lead.health_installation_territory_id, lead.team_id, lead.company_id,
                    company.currency_id
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
