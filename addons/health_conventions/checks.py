"""Limits and formats of the values users write on conventions.

The type checks (text in a number, a date written 31/12/2026, an unknown id)
are done by ``health.input.mixin``; these are the business rules the
constraints of the addon share.
"""

from datetime import date

from odoo.tools.misc import format_date

# Longest reference-like texts (deliberation numbers, act identifiers,
# convention references) and names of people or places.
REFERENCE_MAX_LENGTH = 64
NAME_MAX_LENGTH = 128

# Upper bounds keep the date arithmetic of the terms within the calendar:
# 100 years of duration, renewal period, notice or committee cadence.
MAX_MONTHS = 1200
MAX_RENEWALS = 100
MAX_REMINDER_DAYS = 3660
MAX_COPIES = 100
# Dates of conventions (effective date, end date, last signature).
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2199, 12, 31)


def is_record_id(value):
    """Whether ``value`` can be the id of a record (the input check refuses
    the others before anything is written)."""
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def terms_error(record):
    """The message explaining why the duration rules of ``record`` (a
    convention or a template) cannot apply, or None."""
    env = record.env
    name = record.display_name

    def label(field_name):
        return record._health_field_label(record._fields[field_name])

    if record.duration_months <= 0:
        return env._(
            "%(record)s: the duration must be at least one month; enter the number of "
            "months the convention lasts (e.g. 12).",
            record=name,
        )
    if record.tacit_renewal and record.renewal_months <= 0:
        return env._(
            "%(record)s: a tacitly renewable convention needs a renewal period of at "
            "least one month; enter it, or untick the tacit renewal.",
            record=name,
        )
    for field_name in (
        "renewal_months",
        "max_renewals",
        "notice_months",
        "committee_cadence_months",
    ):
        if record[field_name] < 0:
            return env._(
                "%(record)s: %(field)s cannot be negative; enter 0 or more.",
                record=name,
                field=label(field_name),
            )
    limits = {
        "duration_months": MAX_MONTHS,
        "renewal_months": MAX_MONTHS,
        "notice_months": MAX_MONTHS,
        "committee_cadence_months": MAX_MONTHS,
        "max_renewals": MAX_RENEWALS,
    }
    for field_name, limit in limits.items():
        if record[field_name] > limit:
            return env._(
                "%(record)s: %(field)s is %(value)s, at most %(limit)s; enter a smaller number.",
                record=name,
                field=label(field_name),
                value=record[field_name],
                limit=limit,
            )
    return None


def date_range_error(record, field_names):
    """The message for the first date of ``field_names`` outside the dates the
    terms are computed for, or None."""
    for field_name in field_names:
        day = record[field_name]
        if day and not DATE_MIN <= day <= DATE_MAX:
            return record.env._(
                "%(record)s: %(field)s %(date)s is out of range; enter a date between "
                "%(min)s and %(max)s.",
                record=record.display_name,
                field=record._health_field_label(record._fields[field_name]),
                date=format_date(record.env, day),
                min=format_date(record.env, DATE_MIN),
                max=format_date(record.env, DATE_MAX),
            )
    return None


def deliberation_error(record, acts, signature_date, transmission_date=None):
    """The message when an act of ``acts`` (the authorising acts of
    ``record``, a party or an amendment) is dated after the signature it
    authorises or after the transmission of ``record`` to the Préfecture;
    or None."""
    env = record.env
    for act in acts:
        if not act.date:
            continue
        if signature_date and signature_date < act.date:
            return env._(
                "%(record)s: the act %(act)s authorises the signature, so it cannot be "
                "dated after the signature (%(signature)s); correct one of the two dates.",
                record=record.display_name,
                act=act.display_name,
                signature=format_date(env, signature_date),
            )
        if transmission_date and transmission_date < act.date:
            return env._(
                "%(record)s: it cannot be sent to the Préfecture (%(sent)s) before the "
                "act %(act)s that authorises it; correct one of the two dates.",
                record=record.display_name,
                sent=format_date(env, transmission_date),
                act=act.display_name,
            )
    return None
