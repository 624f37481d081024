"""Date arithmetic of conventions (French computation of periods in months).

A period of N months that starts on day D ends the day before the same day
of the month N months later ("de quantième à quantième"); when that month has
no such day (31 January + 1 month), the period ends on the last day of that
month (Code de procédure civile, art. 641): 31 January + 1 month ends on
28 February (29 in a leap year), 1 March 2027 + 12 months ends on
29 February 2028.

A period that would end beyond the calendar (year 9999) has no end: the
functions return False and the constraints of the models say what is wrong.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta


def period_end(start, months):
    """Last day of a period of ``months`` months starting on ``start``."""
    if not start or not months:
        return False
    try:
        anniversary = start + relativedelta(months=months)
    except (ValueError, OverflowError):
        return False
    if anniversary.day != start.day:
        # relativedelta clamped to the month end: no same day in that month
        return anniversary
    return anniversary - timedelta(days=1)


def renewal_end(end, months):
    """New last day after renewing, for ``months`` months, a period ending on ``end``."""
    if not end or end == date.max:
        return False
    return period_end(end + timedelta(days=1), months)


def notice_deadline(end, months):
    """Last day on which a notice of ``months`` months still runs out by ``end``."""
    if not end or not months or end == date.max:
        return False
    try:
        return end + timedelta(days=1) - relativedelta(months=months)
    except (ValueError, OverflowError):
        return False
