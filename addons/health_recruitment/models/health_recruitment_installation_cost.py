from odoo import api, fields, models
from odoo.tools import SQL, drop_view_if_exists


class HealthRecruitmentInstallationCost(models.Model):
    """Cost per installation.

    ``_health_cost_summary`` is the one definition of the cost per
    installation over a period, read by the overview tile and by the period
    summary (health.recruitment.installation.cost.summary): the toolbox
    measures of the doctors installed in the period, plus the programme-wide
    parts the other applications add through the overview's hook
    ``_health_installation_cost_parts`` (grants paid, evenings' costs...),
    divided by the number of those doctors.

    The records of this model are its breakdown by installation commune,
    team and year: the toolbox measures only, the programme-wide parts
    belonging to no commune.
    """

    _name = "health.recruitment.installation.cost"
    _inherit = ["health.input.mixin"]
    _description = "Cost per Installation"
    _auto = False
    _order = "installation_year desc, cost_per_installation desc, territory_id"
    _rec_name = "territory_id"

    territory_id = fields.Many2one("health.territory", string="Installation Commune", readonly=True)
    team_id = fields.Many2one("crm.team", string="Team", readonly=True)
    installation_year = fields.Integer(
        string="Year", readonly=True, aggregator=False, help="Year of the installation."
    )
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

    # ------------------------------------------------------------ definition
    @api.model
    def _health_cost_summary(self, date_from, date_to, territories=None):
        """The cost per installation between the two dates, with the rights
        of the reader.

        Returns a dict: ``count`` (doctors installed in the period),
        ``parts`` (list of (label, amount): the toolbox measures of those
        doctors, then the programme-wide parts of the other applications),
        ``total``, ``cost_per_installation`` and ``domain`` (the
        installations counted, on crm.lead).

        With ``territories``, only the installations in them (or below them)
        are counted, with their measures: the programme-wide parts belong to
        no territory and are left out.
        """
        Lead = self.env["crm.lead"]
        domain = Lead._health_installed_domain(date_from, date_to)
        if territories:
            domain.append(("health_installation_territory_id", "child_of", territories.ids))
        [(count, measures)] = Lead._read_group(domain, [], ["__count", "health_measure_cost:sum"])
        parts = [(self.env._("toolbox measures"), measures or 0.0)]
        if not territories:
            parts += self.env["health.overview.tile"]._health_installation_cost_parts(
                date_from, date_to
            )
        total = sum(amount for __, amount in parts)
        return {
            "count": count,
            "parts": parts,
            "total": total,
            "cost_per_installation": total / count if count else 0.0,
            "domain": domain,
        }

    # ------------------------------------------------------------ breakdown
    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """A group's cost per installation is its measures' cost divided by
        its installations, not the average of its rows' ratios."""
        groups = super().read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy
        )
        for group in groups:
            if "cost_per_installation" in group and "total_cost" in group:
                count = group.get("installation_count")
                group["cost_per_installation"] = (
                    (group["total_cost"] or 0.0) / count if count else 0.0
                )
        return groups

    def _query(self):
        """The rows: the installed candidacies by commune, team and year
        (the criteria of crm.lead._health_installed_domain)."""
        return """
            SELECT MIN(lead.id) AS id,
                   lead.health_installation_territory_id AS territory_id,
                   lead.team_id AS team_id,
                   EXTRACT(YEAR FROM lead.health_installation_date)::integer
                       AS installation_year,
                   lead.company_id AS company_id,
                   company.currency_id AS currency_id,
                   COUNT(*) AS installation_count,
                   SUM(COALESCE(lead.health_measure_cost, 0)) AS total_cost,
                   SUM(COALESCE(lead.health_measure_cost, 0)) / COUNT(*) AS cost_per_installation
              FROM crm_lead lead
              JOIN res_company company ON company.id = lead.company_id
             WHERE lead.health_is_recruitment
               AND lead.type = 'opportunity'
               AND lead.health_is_installed
               AND lead.health_installation_date IS NOT NULL
               AND lead.active
          GROUP BY lead.health_installation_territory_id, lead.team_id,
                   EXTRACT(YEAR FROM lead.health_installation_date), lead.company_id,
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
