"""Business checks shared by the grants models.

The types of the values are checked by ``health.input.mixin`` before
anything is written; these are the rules on the values themselves (an
amount that cannot be negative, a count within its bounds). They are
called from ``@api.constrains`` methods, so that a create, a write and an
import are refused alike with a sentence naming the field.
"""

from odoo.exceptions import ValidationError

# Bounds of a budget year, and of a schedule: beyond them the value is a typo
# (20260 for 2026, 1000 installments for 10).
MIN_BUDGET_YEAR = 2000
MAX_BUDGET_YEAR = 2100
MAX_INSTALLMENTS = 120
MAX_INSTALLMENT_INTERVAL = 120


def _label(records, name):
    return records._fields[name]._description_string(records.env)


def _record_label(record):
    """The record's name, or the model's for records without one (wizards)."""
    return record.display_name if record._rec_name else record._description


def check_not_negative(records, names):
    """Refuse a negative value in one of the fields ``names``."""
    for record in records:
        for name in names:
            if record[name] < 0:
                raise ValidationError(
                    records.env._(
                        "%(field)s cannot be negative (%(value)s on %(record)s): "
                        "enter zero or a positive number.",
                        field=_label(records, name),
                        value=record[name],
                        record=_record_label(record),
                    )
                )


def check_positive(records, names):
    """Refuse a zero or negative value in one of the fields ``names``."""
    for record in records:
        for name in names:
            if record[name] <= 0:
                raise ValidationError(
                    records.env._(
                        "%(field)s must be greater than zero (%(value)s on %(record)s).",
                        field=_label(records, name),
                        value=record[name],
                        record=_record_label(record),
                    )
                )


def check_range(records, name, low, high, allow_empty=False):
    """Refuse a value of the field ``name`` outside [low, high]."""
    for record in records:
        value = record[name]
        if allow_empty and not value:
            continue
        if not low <= value <= high:
            raise ValidationError(
                records.env._(
                    "%(field)s must be between %(low)s and %(high)s (%(value)s on %(record)s).",
                    field=_label(records, name),
                    low=low,
                    high=high,
                    value=value,
                    record=_record_label(record),
                )
            )
