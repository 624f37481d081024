"""Write an Odoo configuration file: a base file plus ``key=value`` overrides.

The master password is read from the ``ADMIN_PASSWD`` environment variable so
that it never appears on a command line.
"""

import configparser
import os
import sys


def main(argv):
    base, dest, *overrides = argv
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(base)
    if not parser.has_section("options"):
        parser.add_section("options")
    for item in overrides:
        key, _sep, value = item.partition("=")
        parser.set("options", key, value)
    if os.environ.get("ADMIN_PASSWD"):
        parser.set("options", "admin_passwd", os.environ["ADMIN_PASSWD"])
    old_umask = os.umask(0o077)
    try:
        with open(dest, "w", encoding="utf-8") as handle:
            parser.write(handle)
    finally:
        os.umask(old_umask)


if __name__ == "__main__":
    main(sys.argv[1:])
