from odoo import Command, api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    health_website_territory_ids = fields.Many2many(
        "health.territory",
        "res_users_health_website_territory_rel",
        "user_id",
        "territory_id",
        string="Opportunities of",
        help="Territories whose practice opportunities this officer manages on the "
        "public site (their communes included).",
    )

    @api.model
    def _health_revoke_default_website_editor(self):
        """Demo data: take back the website editing rights that Odoo gave to
        the suite's demo personas.

        When ``website`` installs, it makes the template of new users a
        website designer, and Odoo gives that to every internal user existing
        at that moment: personas created before it (an event organiser, a
        grants officer…) could then edit the public site. Only the superuser,
        the administrator and the managers of the public site keep it."""
        editor_groups = (
            self.env.ref("website.group_website_designer")
            | self.env.ref("website.group_website_restricted_editor")
            | self.env.ref("base.group_sanitize_override")
        )
        keep = (
            self.env.ref("base.user_root")
            | self.env.ref("base.user_admin")
            | self.env.ref("base.default_user", raise_if_not_found=False)
            | self.env.ref("health_website.group_website_opportunity_manager").users
        )
        users = (
            editor_groups.with_context(active_test=False).users.filtered(
                lambda user: not user.share
            )
            - keep
        )
        users.write({"groups_id": [Command.unlink(group.id) for group in editor_groups]})
        return users
