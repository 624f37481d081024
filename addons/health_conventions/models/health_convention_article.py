from odoo import api, fields, models


class HealthConventionArticle(models.Model):
    """An article of a convention, in its current (consolidated) wording."""

    _name = "health.convention.article"
    _description = "Convention Article"
    _inherit = ["health.input.mixin"]
    _order = "convention_id, sequence, id"

    convention_id = fields.Many2one(
        "health.convention", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="convention_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    number = fields.Integer(compute="_compute_number")
    title = fields.Char(required=True)
    body = fields.Html(string="Text")
    clause_id = fields.Many2one(
        "health.convention.template.line",
        string="From clause",
        help="Clause of the library the article was taken from.",
    )
    amendment_line_ids = fields.One2many("health.convention.amendment.line", "article_id")

    @api.depends("convention_id.article_ids.sequence")
    def _compute_number(self):
        for article in self:
            siblings = list(article.convention_id.article_ids)
            article.number = siblings.index(article) + 1 if article in siblings else 0

    @api.onchange("clause_id")
    def _onchange_clause_id(self):
        if self.clause_id:
            self.title = self.clause_id.title
            self.body = self.clause_id.body

    @api.depends("number", "title")
    def _compute_display_name(self):
        for article in self:
            article.display_name = self.env._(
                "Article %(number)s – %(title)s", number=article.number, title=article.title
            )
