"""The project's own static checks on every addon of a folder.

* manifest: a dict literal with name, license, ``18.0.x.y.z`` version,
  installable, and dependencies that exist (in this folder or in Odoo);
* every XML file parses;
* every model declared with ``_name`` (not abstract, not transient) has at
  least one line in ``security/ir.model.access.csv``;
* every ``.po`` file parses and has no fuzzy or empty translation (an empty
  one marked "identical in French" is the same word in both languages).

Prints one line per problem and exits 1 when there is any.
"""

import ast
import csv
import re
import sys
from pathlib import Path

import polib
from lxml import etree

VERSION_RE = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
REQUIRED_KEYS = ("name", "version", "license", "depends", "installable")


def odoo_addons_dirs():
    import odoo.addons

    return [Path(p) for p in odoo.addons.__path__]


def addon_exists(name, roots):
    return any((root / name / "__manifest__.py").is_file() for root in roots)


def check_manifest(addon, roots, problems):
    path = addon / "__manifest__.py"
    try:
        manifest = ast.literal_eval(path.read_text(encoding="utf-8"))
    except (SyntaxError, ValueError) as exc:
        problems.append(f"{path}: not a dict literal ({exc})")
        return {}
    for key in REQUIRED_KEYS:
        if key not in manifest:
            problems.append(f"{path}: missing key {key!r}")
    if not VERSION_RE.match(manifest.get("version", "")):
        problems.append(f"{path}: version {manifest.get('version')!r} is not 18.0.x.y.z")
    for dep in manifest.get("depends", []):
        if not addon_exists(dep, roots):
            problems.append(f"{path}: dependency {dep!r} does not exist")
    for key in ("data", "demo"):
        for rel in manifest.get(key, []):
            if not (addon / rel).is_file():
                problems.append(f"{path}: {key} file {rel} does not exist")
    return manifest


def declared_models(addon):
    """Yield the concrete models an addon declares with ``_name``."""
    for path in addon.rglob("*.py"):
        if "tests" in path.relative_to(addon).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(base) for base in node.bases}
            if not bases & {"models.Model"}:
                continue
            attrs = {}
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                    target = stmt.targets[0]
                    if isinstance(target, ast.Name):
                        try:
                            attrs[target.id] = ast.literal_eval(stmt.value)
                        except ValueError:
                            continue
            name = attrs.get("_name")
            inherit = attrs.get("_inherit") or []
            inherit = [inherit] if isinstance(inherit, str) else inherit
            if name and name not in inherit and attrs.get("_auto", True):
                yield name, path


def check_access(addon, problems):
    csv_path = addon / "security" / "ir.model.access.csv"
    covered = set()
    if csv_path.is_file():
        with csv_path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                model_ref = row.get("model_id:id", "")
                covered.add(model_ref.split(".")[-1])
    for model, path in declared_models(addon):
        if "model_" + model.replace(".", "_") not in covered:
            problems.append(f"{path}: model {model} has no line in {csv_path}")


def check_xml(addon, problems):
    for path in addon.rglob("*.xml"):
        try:
            etree.parse(str(path))
        except etree.XMLSyntaxError as exc:
            problems.append(f"{path}: {exc}")


def check_po(addon, problems):
    i18n = addon / "i18n"
    if not (i18n / "fr.po").is_file():
        problems.append(f"{addon}: no i18n/fr.po")
    for path in sorted(i18n.glob("*.po*")) if i18n.is_dir() else []:
        try:
            catalog = polib.pofile(str(path))
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: does not parse ({exc})")
            continue
        if path.suffix != ".po":
            continue
        for entry in catalog:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                problems.append(f"{path}:{entry.linenum}: fuzzy translation of {entry.msgid!r}")
            elif not entry.msgstr and entry.tcomment != "identical in French":
                problems.append(f"{path}:{entry.linenum}: no translation for {entry.msgid!r}")


def main(folder):
    folder = Path(folder)
    if (folder / "__init__.py").exists():
        print(f"{folder}/__init__.py must not exist (pytest-odoo collects addons by path)")
        return 1
    roots = [folder, *odoo_addons_dirs()]
    problems = []
    for manifest in sorted(folder.glob("*/__manifest__.py")):
        addon = manifest.parent
        check_manifest(addon, roots, problems)
        check_xml(addon, problems)
        check_access(addon, problems)
        check_po(addon, problems)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "addons"))
