"""Scheduling in the programme's local time, on working days.

Meetings are planned at a local hour (10:00 in Paris is 09:00 UTC in
winter and 08:00 UTC in summer) and on working days: not a Saturday, a
Sunday or a French public holiday.
"""

from datetime import date, datetime, timedelta

import pytz
from dateutil.easter import easter

PROGRAMME_TZ = "Europe/Paris"


def local_to_utc(day, hour, minute=0, tz=PROGRAMME_TZ):
    """The naive UTC datetime (what a Datetime field stores) of ``day`` at
    ``hour:minute`` in time zone ``tz``."""
    zone = pytz.timezone(tz or PROGRAMME_TZ)
    local = zone.localize(datetime(day.year, day.month, day.day, hour, minute))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def french_public_holidays(year):
    """The public holidays of metropolitan France in ``year``."""
    easter_day = easter(year)
    return {
        date(year, 1, 1),  # New Year's Day
        easter_day + timedelta(days=1),  # Easter Monday
        date(year, 5, 1),  # Labour Day
        date(year, 5, 8),  # Victory in Europe Day
        easter_day + timedelta(days=39),  # Ascension Day
        easter_day + timedelta(days=50),  # Whit Monday
        date(year, 7, 14),  # Bastille Day
        date(year, 8, 15),  # Assumption
        date(year, 11, 1),  # All Saints' Day
        date(year, 11, 11),  # Armistice Day
        date(year, 12, 25),  # Christmas Day
    }


def is_working_day(day):
    """Monday to Friday, not a French public holiday."""
    return day.weekday() < 5 and day not in french_public_holidays(day.year)


def next_working_day(day):
    """``day`` itself when it is a working day, else the next working day."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
