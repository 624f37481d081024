from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import ValidationError


class HealthRecruitmentMeasureLine(models.Model):
    """A toolbox measure mobilised for a candidate (family welcome, spouse's
    job search, housing, installation aid…), with its status and cost."""

    _name = "health.recruitment.measure.line"
    _inherit = ["health.input.mixin"]
    _description = "Candidate Toolbox Measure"
    _order = "lead_id, date_due, id"

    lead_id = fields.Many2one(
        "crm.lead", string="Candidacy", required=True, index=True, ondelete="cascade"
    )
    measure_id = fields.Many2one(
        "health.toolbox.measure", string="Measure", required=True, ondelete="restrict"
    )
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("accepted", "Accepted"),
            ("in_progress", "In progress"),
            ("delivered", "Delivered"),
            ("declined", "Declined"),
        ],
        string="Status",
        required=True,
        default="proposed",
    )
    user_id = fields.Many2one("res.users", string="Responsible", default=lambda self: self.env.user)
    date_due = fields.Date(string="Due Date")
    cost = fields.Monetary(currency_field="currency_id")
    note = fields.Text()
    company_id = fields.Many2one(related="lead_id.company_id", store=True)
    # the currency of the candidacy's company, read when shown: a stored copy
    # kept the currency the company had when the line was created (demo lines
    # in dollars once the company had switched to euros)
    currency_id = fields.Many2one(related="lead_id.company_currency", string="Currency")

    @api.constrains("cost")
    def _check_cost(self):
        for line in self:
            if line.cost < 0:
                raise ValidationError(
                    self.env._(
                        "The cost of the measure %(measure)s for %(lead)s cannot be "
                        "negative (%(cost)s): enter what the measure costs, or 0.",
                        measure=line.measure_id.display_name,
                        lead=line.lead_id.display_name,
                        cost=line.cost,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.filtered(lambda line: line.state == "accepted")._schedule_plan_activities()
        return lines

    def write(self, vals):
        to_plan = self.browse()
        if vals.get("state") == "accepted":
            to_plan = self.filtered(lambda line: line.state != "accepted")
        res = super().write(vals)
        to_plan._schedule_plan_activities()
        return res

    def _prepare_plan_activity_values(self, template):
        """Values of the activity that ``template`` schedules for this line."""
        self.ensure_one()
        responsible = (
            template._determine_responsible(self.user_id, self.lead_id)["responsible"]
            or self.user_id
            or self.env.user
        )
        return {
            "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
            "res_id": self.lead_id.id,
            "activity_type_id": template.activity_type_id.id,
            "summary": template.summary or self.measure_id.display_name,
            "note": template.note,
            "user_id": responsible.id,
            "date_deadline": self._plan_activity_deadline(template),
        }

    def _plan_activity_deadline(self, template):
        """Deadline of the activity of ``template``, counted from the day the
        plan is launched (the measure accepted), never in the past: "after
        the plan date" counts from launch day; "before the plan date" counts
        back from the line's due date when it is still ahead, else (no due
        date) the delay is the time given from launch day."""
        self.ensure_one()
        today = tools.reference_date(self)
        if template.delay_from == "after_plan_date":
            return template._get_date_deadline(today)
        if self.date_due and self.date_due > today:
            return max(today, template._get_date_deadline(self.date_due))
        return today + (today - template._get_date_deadline(today))

    def _schedule_plan_activities(self):
        """Schedule, in one batch, the activities of the plan of each
        accepted line's measure on its candidacy."""
        vals_list = [
            line._prepare_plan_activity_values(template)
            for line in self
            for template in line.measure_id.recruitment_activity_plan_id.template_ids
        ]
        self.env["crm.lead"]._health_create_activities(vals_list)
