from odoo import fields, models


class HealthConventionAmendmentLine(models.Model):
    """A change of wording made by an amendment: an article replaced or added."""

    _name = "health.convention.amendment.line"
    _description = "Amendment Article Change"
    _inherit = ["health.input.mixin"]
    _order = "amendment_id, sequence, id"

    amendment_id = fields.Many2one(
        "health.convention.amendment", required=True, ondelete="cascade", index=True
    )
    convention_id = fields.Many2one(related="amendment_id.convention_id")
    sequence = fields.Integer(default=10)
    article_id = fields.Many2one(
        "health.convention.article",
        string="Article replaced",
        domain="[('convention_id', '=', convention_id)]",
        help="Leave empty to add a new article.",
    )
    new_title = fields.Char(required=True)
    new_body = fields.Html(string="New text")
    previous_title = fields.Char(readonly=True)
    previous_body = fields.Html(string="Previous text", readonly=True)

    def _apply(self):
        """Write the new wording on the convention, keeping the previous one."""
        new_articles = []
        for line in self:
            if line.article_id:
                line.write(
                    {"previous_title": line.article_id.title, "previous_body": line.article_id.body}
                )
                line.article_id.write({"title": line.new_title, "body": line.new_body})
            else:
                new_articles.append(
                    {
                        "convention_id": line.amendment_id.convention_id.id,
                        "sequence": 1000 + line.sequence,
                        "title": line.new_title,
                        "body": line.new_body,
                    }
                )
        created = self.env["health.convention.article"].create(new_articles)
        for line, article in zip(self.filtered(lambda li: not li.article_id), created, strict=True):
            line.article_id = article
