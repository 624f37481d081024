from odoo import api, fields, models


class HealthConventionTemplateLine(models.Model):
    """A clause of a template; the lines of every template form the clause library."""

    _name = "health.convention.template.line"
    _description = "Convention Clause"
    _inherit = ["health.input.mixin"]
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "health.convention.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    title = fields.Char(required=True)
    body = fields.Html(string="Text")

    @api.depends("template_id.name", "title")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.template_id.name} – {line.title}"

    def _prepare_article_vals(self):
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "title": self.title,
            "body": self.body,
            "clause_id": self.id,
        }
