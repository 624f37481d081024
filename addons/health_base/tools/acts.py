"""Vocabulary of the acts that authorise the programme's decisions."""

import re
from datetime import date

ACT_TYPES = [
    ("deliberation", "Deliberation"),
    ("decision", "Decision"),
    ("order", "Order (arrêté)"),
]

# The assemblies and boards that adopt deliberations.
DELIBERATION_BODIES = [
    ("departmental_council", "Departmental council (plenary)"),
    ("standing_committee", "Standing committee"),
    ("community_council", "Community council"),
    ("municipal_council", "Municipal council"),
    ("board", "Board of directors"),
    ("other", "Other"),
]

# Identifier of an act given by the Préfecture's transmission platform
# (ACTES): department code, SIREN of the authority, date of the act
# (YYYYMMDD), internal number of the act, nature code; e.g.
# 099-229900019-20251218-CP2025_12_04-DE.
ACT_IDENTIFIER_RE = re.compile(
    r"^(?P<department>[0-9]{2}[0-9AB])-(?P<siren>[0-9]{9})-(?P<date>[0-9]{8})"
    r"-(?P<number>[A-Za-z0-9_]{1,15})-(?P<nature>[A-Z]{2})$"
)


def act_identifier_ok(identifier):
    """Whether ``identifier`` follows the format of the transmission platform
    (a real calendar date included)."""
    match = ACT_IDENTIFIER_RE.match(identifier or "")
    if not match:
        return False
    stamp = match["date"]
    try:
        date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:]))
    except ValueError:
        return False
    return True
