from odoo import api, fields, models

RECRUITMENT_GROUP = "health_recruitment.group_recruitment_user"


class HealthTerritory(models.Model):
    _inherit = "health.territory"

    health_candidacy_ids = fields.Many2many(
        "crm.lead",
        "crm_lead_health_target_territory_rel",
        "territory_id",
        "lead_id",
        string="Candidacies Targeting It",
        groups=RECRUITMENT_GROUP,
    )
    health_measure_line_ids = fields.Many2many(
        "health.recruitment.measure.line",
        string="Toolbox Measures Mobilised",
        compute="_compute_health_measure_line_ids",
        groups=RECRUITMENT_GROUP,
        help="Toolbox measures (declined ones excluded) of the candidates installed "
        "here, and of the candidates not installed yet who target this territory.",
    )
    health_measure_line_count = fields.Integer(
        string="Toolbox Measures",
        compute="_compute_health_measure_line_ids",
        groups=RECRUITMENT_GROUP,
    )
    health_measure_cost = fields.Monetary(
        string="Cost of the Toolbox Measures",
        compute="_compute_health_measure_line_ids",
        currency_field="health_measure_currency_id",
        groups=RECRUITMENT_GROUP,
    )
    health_measure_currency_id = fields.Many2one(
        "res.currency",
        string="Currency of the Measures",
        compute="_compute_health_measure_line_ids",
        groups=RECRUITMENT_GROUP,
    )

    def _health_measure_line_domain(self):
        """Toolbox measures mobilised in these territories (or in the
        communes they contain): those of the candidates installed there, and
        of the candidates not installed yet who target them. Once installed,
        a doctor's measures count for the installation commune only."""
        return [
            ("state", "!=", "declined"),
            "|",
            ("lead_id.health_installation_territory_id", "child_of", self.ids),
            "&",
            ("lead_id.health_installation_territory_id", "=", False),
            ("lead_id.health_target_territory_ids", "child_of", self.ids),
        ]

    @api.depends_context("uid")
    def _compute_health_measure_line_ids(self):
        # what a user sees follows their teams: one cached value per user
        Line = self.env["health.recruitment.measure.line"]
        lines = Line
        # the fields are restricted to recruitment users, but a computation
        # triggered for someone else must not fail: it finds nothing
        if self.ids and Line.has_access("read"):
            lines = Line.search(self._health_measure_line_domain())
        # {territory id: the ids of the territories containing it, itself included}
        places = lines.lead_id.health_installation_territory_id
        places |= lines.lead_id.health_target_territory_ids
        ancestors = {
            place.id: {int(node) for node in place.parent_path.split("/") if node}
            for place in places
        }
        by_territory = {territory.id: [] for territory in self}
        for line in lines:
            lead = line.lead_id
            where = lead.health_installation_territory_id or lead.health_target_territory_ids
            reached = set().union(*(ancestors[place.id] for place in where))
            for territory_id in reached & by_territory.keys():
                by_territory[territory_id].append(line)
        for territory in self:
            mobilised = Line.union(*by_territory.get(territory.id, []))
            territory.health_measure_line_ids = mobilised
            territory.health_measure_line_count = len(mobilised)
            territory.health_measure_cost = sum(mobilised.mapped("cost"))
            territory.health_measure_currency_id = self.env.company.currency_id

    def action_health_view_measure_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_recruitment.health_recruitment_measure_line_action"
        )
        action["domain"] = self._health_measure_line_domain()
        action["context"] = {}
        action["display_name"] = self.env._(
            "Toolbox Measures Mobilised in %(territory)s", territory=self.display_name
        )
        return action
