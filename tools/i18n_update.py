"""Merge a freshly exported template into an addon's ``i18n/fr.po``.

Usage: python tools/i18n_update.py ADDON_DIR TEMPLATE.pot

Keeps the existing translations, adds the new terms untranslated (the static
checks then list them) and drops the terms that are gone.  The template is
written as ``i18n/<addon>.pot`` too, as Odoo addons ship it.
"""

import sys
from pathlib import Path

import polib


def main(addon_dir, template_path):
    addon_dir = Path(addon_dir)
    template = polib.pofile(template_path)
    i18n = addon_dir / "i18n"
    i18n.mkdir(exist_ok=True)
    template.save(str(i18n / f"{addon_dir.name}.pot"))
    po_path = i18n / "fr.po"
    old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): (e.msgstr, e.tcomment) for e in old if not e.obsolete}
    merged = polib.POFile(wrapwidth=78)
    merged.metadata = dict(template.metadata)
    merged.metadata["Language"] = "fr"
    merged.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
    merged.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    missing = 0
    for entry in sorted(template, key=lambda entry: entry.msgid):
        entry.msgstr, entry.tcomment = known.get((entry.msgctxt, entry.msgid), ("", ""))
        missing += not entry.msgstr and entry.tcomment != "identical in French"
        merged.append(entry)
    merged.save(str(po_path))
    print(f"{po_path}: {len(merged)} terms, {missing} to translate")


if __name__ == "__main__":
    main(*sys.argv[1:])
