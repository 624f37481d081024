"""Selection values shared by several models of the addon."""

CONVENTION_KINDS = [
    ("territorial_partnership", "Territorial partnership"),
    ("msu_support", "Internship supervision (MSU) support"),
    ("cls_action", "Local health contract (CLS) action"),
    ("health_centre", "Health centre project"),
    ("other", "Other"),
]

EFFECTIVE_DATE_MODES = [
    ("last_signature", "Last signature"),
    ("fixed", "Fixed date"),
    ("enforceable", "Enforceable date"),
]
