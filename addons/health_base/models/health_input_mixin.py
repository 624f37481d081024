from collections import defaultdict
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HealthInputMixin(models.AbstractModel):
    """Refuse badly typed values with a sentence instead of a traceback.

    Odoo converts the values given to ``create``/``write`` late: text in a
    numeric field, a date written ``31/12/2026``, an unknown selection key or
    the id of a record that does not exist reach Python or PostgreSQL and come
    back as a ``ValueError``, a ``KeyError`` in a compute method or a misleading
    foreign-key message. The web client never sends such values, but an import,
    an XML-RPC script or another module can. This mixin checks every value
    before anything is written and raises one translated ``ValidationError``
    naming the field and what is expected.

    The suite's own models inherit it and check all their fields; an Odoo
    model extended by the suite lists the fields to check in
    ``_health_checked_fields`` (its own fields keep Odoo's behaviour).
    Business rules (a positive amount, a valid RPPS…) stay ``@api.constrains``.
    """

    _name = "health.input.mixin"
    _description = "Checks of the values written by users"

    # Longest value accepted in a Char field (names, codes, references) and in
    # a Text/Html field; ``_health_max_lengths`` sets a field's own limit.
    _health_char_max_length = 256
    _health_text_max_length = 100_000
    _health_max_lengths = {}
    # None: every field of the model; otherwise the names of the fields to
    # check. On a model extended by several addons, the sets of all of them
    # add up (see _health_get_checked_fields).
    _health_checked_fields = None

    @api.model_create_multi
    def create(self, vals_list):
        self._health_check_values(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._health_check_values([vals])
        return super().write(vals)

    # ------------------------------------------------------------ checks
    @api.model
    def _health_check_values(self, vals_list):
        """Raise a ValidationError for the first value of ``vals_list`` that
        Odoo could not store as it is meant. Reads nothing per record: the
        many2one ids are checked with one query per comodel."""
        checked = self._health_get_checked_fields()
        references = defaultdict(set)  # comodel -> ids
        for vals in vals_list:
            for name, value in vals.items():
                if checked is not None and name not in checked:
                    continue
                field = self._fields.get(name)
                if field is None:
                    if checked is None:
                        raise ValidationError(
                            self.env._(
                                "%(model)s has no field %(field)s.",
                                model=self._description,
                                field=name,
                            )
                        )
                    continue
                error = self._health_value_error(field, value)
                if error:
                    raise ValidationError(error)
                if field.type == "many2one" and isinstance(value, int) and value:
                    references[field.comodel_name].add(value)
        for comodel, ids in references.items():
            Comodel = self.env[comodel].sudo().with_context(active_test=False)
            missing = ids - set(Comodel.browse(ids).exists().ids)
            if missing:
                field = next(
                    f
                    for vals in vals_list
                    for f in map(self._fields.get, vals)
                    if f is not None and f.type == "many2one" and f.comodel_name == comodel
                )
                raise ValidationError(
                    self.env._(
                        "%(field)s: there is no %(model)s with the id %(ids)s "
                        "(it may have been deleted).",
                        field=self._health_field_label(field),
                        model=self.env[comodel]._description,
                        ids=", ".join(str(i) for i in sorted(missing)),
                    )
                )

    @api.model
    def _health_get_checked_fields(self):
        """The union of the ``_health_checked_fields`` sets declared by every
        class of the model (each addon extending an Odoo model declares its
        own fields), or None to check every field when none declares one."""
        declared = [
            cls.__dict__["_health_checked_fields"]
            for cls in type(self).__mro__
            if cls.__dict__.get("_health_checked_fields") is not None
        ]
        return set().union(*declared) if declared else None

    @api.model
    def _health_field_label(self, field):
        return f"{field._description_string(self.env)} ({field.name})"

    @api.model
    def _health_value_error(self, field, value):
        """The message explaining why ``value`` does not fit ``field``, or None."""
        if value is None or value is False:
            return None
        label = self._health_field_label(field)
        kind = field.type
        if kind == "many2one":
            if isinstance(value, models.BaseModel) or (
                isinstance(value, int) and not isinstance(value, bool) and value > 0
            ):
                return None
            return self.env._(
                "%(field)s: %(value)r is not the id of a record (a positive whole number).",
                field=label,
                value=value,
            )
        if kind == "integer":
            if isinstance(value, bool) or not self._health_is_number(value, integer=True):
                return self.env._(
                    "%(field)s: %(value)r is not a whole number.", field=label, value=value
                )
            if not -(2**31) <= int(float(value)) < 2**31:
                return self.env._("%(field)s: %(value)r is too large.", field=label, value=value)
            return None
        if kind in ("float", "monetary"):
            if isinstance(value, bool) or not self._health_is_number(value):
                return self.env._(
                    "%(field)s: %(value)r is not a number (write it with digits and a "
                    "decimal point, e.g. 1250.50).",
                    field=label,
                    value=value,
                )
            return None
        if kind in ("date", "datetime"):
            return self._health_date_error(field, value, label)
        if kind == "selection":
            if not isinstance(value, str):
                return self.env._(
                    "%(field)s: %(value)r is not one of the allowed values.",
                    field=label,
                    value=value,
                )
            allowed = [key for key, _label in field._description_selection(self.env)]
            if value not in allowed:
                return self.env._(
                    "%(field)s: %(value)r is not one of the allowed values (%(allowed)s).",
                    field=label,
                    value=value,
                    allowed=", ".join(allowed),
                )
            return None
        if kind in ("char", "text", "html"):
            if not isinstance(value, str):
                if (
                    kind == "char"
                    and isinstance(value, int | float)
                    and not isinstance(value, bool)
                ):
                    return None  # Odoo stores it as text
                return self.env._("%(field)s: %(value)r is not a text.", field=label, value=value)
            limit = self._health_max_lengths.get(field.name) or (
                self._health_char_max_length if kind == "char" else self._health_text_max_length
            )
            if len(value) > limit:
                return self.env._(
                    "%(field)s is too long: %(length)s characters, at most %(limit)s.",
                    field=label,
                    length=len(value),
                    limit=limit,
                )
        return None

    @api.model
    def _health_is_number(self, value, integer=False):
        if isinstance(value, int | float):
            return not integer or float(value).is_integer()
        if isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                return False
            return (
                number == number
                and abs(number) != float("inf")
                and (not integer or number.is_integer())
            )
        return False

    @api.model
    def _health_parses_as_date(self, field, value):
        converter = fields.Date.to_date if field.type == "date" else fields.Datetime.to_datetime
        try:
            converter(value)
        except ValueError:
            return False
        return True

    @api.model
    def _health_date_error(self, field, value, label):
        if isinstance(value, datetime | date) or (
            isinstance(value, str) and self._health_parses_as_date(field, value)
        ):
            return None
        if field.type == "date":
            return self.env._(
                "%(field)s: %(value)r is not a date; write it as YYYY-MM-DD (e.g. 2026-12-31).",
                field=label,
                value=value,
            )
        return self.env._(
            "%(field)s: %(value)r is not a date and time; write it as "
            "YYYY-MM-DD HH:MM:SS (e.g. 2026-12-31 18:30:00).",
            field=label,
            value=value,
        )
