"""Check that every term of every suite addon is translated in French.

Reads the terms the way Odoo exports them (code strings, views, models,
data) from an installed database and fails when one of them is missing from
``addons/<addon>/i18n/fr.po``, or is there without a translation (unless
marked "identical in French").

Usage: python tools/check_translations.py CONFIG DATABASE ADDON [ADDON…]
"""

import sys
from pathlib import Path

import polib

import odoo
from odoo.tools.translate import TranslationModuleReader

IDENTICAL = "identical in French"
ROOT = Path(__file__).resolve().parent.parent


def main(config_file, db_name, *addons):
    odoo.tools.config.parse_config(["-c", config_file, "-d", db_name, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db_name)
    problems = []
    with registry.cursor() as cr:
        for addon in addons:
            po_path = ROOT / "addons" / addon / "i18n" / "fr.po"
            catalog = polib.pofile(str(po_path)) if po_path.exists() else []
            translated = {
                entry.msgid
                for entry in catalog
                if not entry.obsolete and (entry.msgstr or entry.tcomment == IDENTICAL)
            }
            terms = {row[4] for row in TranslationModuleReader(cr, modules=[addon]) if row[4]}
            problems += [f"{po_path}: missing {term!r}" for term in sorted(terms - translated)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} term(s) to translate: run make i18n ADDON=<addon>")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
