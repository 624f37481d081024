from odoo import Command, api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _health_revoke_default_invoicing_admin(self):
        """Demo data: take back the invoicing administration that Odoo gave
        to the suite's demo users.

        When ``account`` installs, it makes the template of new users an
        invoicing administrator, and Odoo gives that to every internal user
        that exists at that moment: the personas of the suite created before
        ``account`` (``health_base``'s) became invoicing administrators.
        Only the superuser and the administrator keep it; the finance officer
        receives her invoicing rights from her own demo record."""
        manager = self.env.ref("account.group_account_manager")
        invoicing = self.env.ref("account.group_account_invoice")
        keep = self.env.ref("base.user_root") | self.env.ref("base.user_admin")
        users = manager.with_context(active_test=False).users.filtered(
            lambda user: user not in keep and not user._is_default_user_template()
        )
        users.write({"groups_id": [Command.unlink(manager.id), Command.unlink(invoicing.id)]})
        return users

    def _is_default_user_template(self):
        return self == self.env.ref("base.default_user", raise_if_not_found=False)
