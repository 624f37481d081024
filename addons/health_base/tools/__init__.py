"""The suite's small public API of plain Python helpers.

Import it as ``from odoo.addons.health_base import tools``; every name
listed in ``__all__`` is public and kept stable for the suite's addons.
"""

from .acts import DELIBERATION_BODIES, ACT_TYPES, act_identifier_ok
from .dates import reference_date
from .params import get_bool_param, get_float_param, get_int_param
from .privacy import keyed_hash
from .roles import (
    CANDIDATE_TYPES,
    ROLE_FOREIGN_DOCTOR,
    ROLE_GP,
    ROLE_INTERN,
    ROLE_LOCUM,
    ROLE_MSU,
    ROLE_STUDENT,
)
from .schedule import (
    PROGRAMME_TZ,
    french_public_holidays,
    is_working_day,
    local_to_utc,
    next_working_day,
)
from .xlsx import XlsxBook, XlsxSheet

__all__ = [
    "ACT_TYPES",
    "CANDIDATE_TYPES",
    "DELIBERATION_BODIES",
    "PROGRAMME_TZ",
    "ROLE_FOREIGN_DOCTOR",
    "ROLE_GP",
    "ROLE_INTERN",
    "ROLE_LOCUM",
    "ROLE_MSU",
    "ROLE_STUDENT",
    "XlsxBook",
    "XlsxSheet",
    "act_identifier_ok",
    "french_public_holidays",
    "get_bool_param",
    "get_float_param",
    "get_int_param",
    "is_working_day",
    "keyed_hash",
    "local_to_utc",
    "next_working_day",
    "reference_date",
]
