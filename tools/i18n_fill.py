"""Fill the empty translations of a .po file from a Python dict file.

Usage: python tools/i18n_fill.py PO_FILE DICT_FILE (a file defining ``T``).
Prints the msgids still untranslated.  A French term identical to the
English one is left empty with the comment "identical in French".
"""

import runpy
import sys

import polib

IDENTICAL = "identical in French"


def main(po_path, dict_path):
    table = runpy.run_path(dict_path)["T"]
    catalog = polib.pofile(po_path, wrapwidth=78)
    for entry in catalog:
        if not entry.msgstr and entry.msgid in table:
            if table[entry.msgid] == entry.msgid:
                # OCA's po-pretty-format wants an empty msgstr when the French
                # is the same as the English; the comment says it is on purpose.
                entry.tcomment = IDENTICAL
            else:
                entry.msgstr = table[entry.msgid]
    catalog.sort(key=lambda entry: entry.msgid)
    catalog.save(po_path)
    for entry in catalog:
        if not entry.msgstr and entry.tcomment != IDENTICAL:
            print(repr(entry.msgid))


if __name__ == "__main__":
    main(*sys.argv[1:])
