from odoo import api, fields, models, tools


class HealthNumberedMixin(models.AbstractModel):
    """Records numbered 1, 2, 3… within their parent (amendments of a
    convention, renewals of a convention…).

    Set ``_health_number_parent`` to the many2one naming the parent. The
    parents' rows are updated before numbering: a concurrent transaction
    numbering a record of the same parent waits, then fails with a
    serialization error, which Odoo retries with a fresh view of the
    numbers (it would otherwise take the same one). A unique index on
    (parent, number) is the last guard.
    """

    _name = "health.numbered.mixin"
    _description = "Numbered Within Its Parent"
    _health_number_parent = None

    number = fields.Integer(readonly=True, copy=False, index=True)

    def init(self):
        super().init()
        parent = self._health_number_parent
        if self._abstract or not parent:
            return
        tools.create_unique_index(
            self.env.cr,
            f"{self._table}_{parent}_number_uniq",
            self._table,
            [parent, "number"],
        )

    @api.model
    def _health_lock_parents(self, parent_ids):
        parent_model = self.env[self._fields[self._health_number_parent].comodel_name]
        self.env.cr.execute(
            f'UPDATE "{parent_model._table}" SET write_date = write_date WHERE id = ANY(%s)',
            [sorted(parent_ids)],
        )

    @api.model_create_multi
    def create(self, vals_list):
        parent = self._health_number_parent
        if not parent:
            return super().create(vals_list)
        parent_ids = {
            vals[parent]
            for vals in vals_list
            if isinstance(vals.get(parent), int) and not isinstance(vals.get(parent), bool)
        }
        if parent_ids:
            self._health_lock_parents(parent_ids)
        last = {
            parent_record.id: number
            for parent_record, number in self.sudo()
            .with_context(active_test=False)
            ._read_group([(parent, "in", list(parent_ids))], [parent], ["number:max"])
        }
        for vals in vals_list:
            key = vals.get(parent)
            last[key] = (last.get(key) or 0) + 1
            vals["number"] = last[key]
        return super().create(vals_list)
