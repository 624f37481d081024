from odoo import api, fields, models


class HealthDeskTransfer(models.TransientModel):
    _name = "health.desk.transfer"
    _inherit = ["health.input.mixin"]
    _description = "Transfer of a desk request to a partner institution"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", required=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Partner institution",
        required=True,
        domain=[("is_company", "=", True)],
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact",
        compute="_compute_contact_id",
        store=True,
        readonly=False,
        domain="[('parent_id', '=', partner_id)]",
        help="Person of the institution who answers; the institution itself when empty.",
    )
    message = fields.Text(
        string="Message to the institution",
        help="What the institution is asked; the request's description is on the request.",
    )

    @api.depends("partner_id")
    def _compute_contact_id(self):
        for wizard in self:
            contacts = wizard.partner_id.child_ids.filtered("email")
            with_user = contacts.filtered("user_ids")
            wizard.contact_id = (with_user or contacts)[:1]

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._health_desk_transfer(self.partner_id, self.contact_id, self.message)
        return {"type": "ir.actions.act_window_close"}
