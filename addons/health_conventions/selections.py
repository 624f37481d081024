"""Selection values shared by several models of the addon."""

CONVENTION_KINDS = [
    ("territorial_partnership", "Territorial partnership"),
    ("msu_support", "Internship supervision (MSU) support"),
    ("cls_action", "Local health contract (CLS) action"),
    ("health_centre", "Health centre project"),
    ("other", "Other"),
]

DELIBERATION_BODIES = [
    ("departmental_council", "Departmental council (plenary)"),
    ("standing_committee", "Standing committee"),
    ("community_council", "Community council"),
    ("municipal_council", "Municipal council"),
    ("board", "Board of directors"),
    ("other", "Other"),
]

EFFECTIVE_DATE_MODES = [
    ("last_signature", "Last signature"),
    ("fixed", "Fixed date"),
]
