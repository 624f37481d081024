import csv
import io
import json
import re
import unicodedata
from collections import defaultdict
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import file_path

from ..tools import geojson

SAMPLE_DIR = "health_observatory/data/samples/"
SAMPLES = [
    ("communes", "communes_79.csv"),
    ("contours", "communes_79.geojson"),
    ("zoning", "zonage_79.csv"),
    ("apl", "apl_79.csv"),
    ("rpps", "rpps_personne_activite_79_synthetic.txt"),
]
# Annuaire Santé: the GPs are the doctors (profession 10) whose ordinal
# speciality is general medicine under one of its three codes.
GP_PROFESSION = "10"
GP_SKILLS = frozenset({"SM26", "SM53", "SM54"})
HOSPITAL_SECTOR = "SA01"
LOCUM_GENRE = "GENR02"
STRUCTURES = {"SA07": "solo", "SA08": "group", "SA52": "msp", "SA05": "health_centre"}
RPPS_COLUMNS = {
    "key": "Identification nationale PP",
    "last_name": "Nom d'exercice",
    "first_name": "Prénom d'exercice",
    "profession": "Code profession",
    "skill": "Code savoir-faire",
    "mode": "Code mode exercice",
    "commune": "Code commune (coord. structure)",
    "sector": "Code secteur d'activité",
    "genre": "Code genre activité",
}
RPPS_OPTIONAL = {"sector", "genre", "mode"}
BATCH = 1000
COMMUNE_CODE = re.compile(r"\d{5}|2[AB]\d{3}")
# rows above the table searched for its header in a published workbook
HEADER_ROWS = 30


def normalize(text):
    """Lower-case text without accents and with single spaces, to match
    column titles whose wording varies between editions."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", " ", text).strip().lower()


def cell_text(value):
    """The text of a cell, whole numbers without their decimal part."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def commune_code(value):
    """A 5-character INSEE code from a cell (numbers lose their leading 0)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value if value is not None else "").strip().upper()
    return text.zfill(5) if text.isdigit() else text


class HealthObservatoryImport(models.TransientModel):
    _name = "health.observatory.import"
    _description = "Import Open Data into the Observatory"

    import_type = fields.Selection(
        [
            ("rpps", "GPs: RPPS 'Personne_activite' extraction (Annuaire Santé)"),
            ("population", "Legal populations per commune (INSEE, xlsx or csv)"),
            ("apl", "APL to GPs per commune (DREES, xlsx or csv)"),
            ("zoning", "ARS zoning of the communes (csv)"),
            ("communes", "Communes with EPCI and centre (csv)"),
            ("contours", "Outlines of the communes (GeoJSON)"),
        ],
        string="File Type",
        required=True,
        default="rpps",
    )
    file = fields.Binary(attachment=True)
    filename = fields.Char()
    extraction_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="Date of the extraction: the arrivals and departures found are recorded on it.",
    )
    result = fields.Text(readonly=True)

    # ---------------------------------------------------------------- actions
    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the file to import."))
        with self._open_file() as stream:
            summary = self._import_stream(self.import_type, stream, self.filename or "")
        self.env["health.observatory.indicator"]._refresh(self.extraction_date)
        self.result = summary
        return self._reopen()

    def action_load_sample(self):
        """Import the Deux-Sèvres files shipped with the addon (demonstration)."""
        self.ensure_one()
        lines = []
        for import_type, name in SAMPLES:
            with open(file_path(SAMPLE_DIR + name), "rb") as stream:
                lines.append(self._import_stream(import_type, stream, name))
        self.env["health.observatory.indicator"]._refresh(self.extraction_date)
        self.result = "\n".join(lines)
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Open Data"),
        }

    @contextmanager
    def _open_file(self):
        """A binary stream on the uploaded file, read from the filestore when
        possible so that a large file is never loaded whole in memory."""
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("res_field", "=", "file"),
                ],
                limit=1,
            )
        )
        if attachment.store_fname:
            with open(attachment._full_path(attachment.store_fname), "rb") as stream:
                yield stream
        else:
            yield io.BytesIO(attachment.raw or b"")

    @api.model
    def _import_stream(self, import_type, stream, filename="", extraction_date=None):
        """Import one file; return a one-line summary. Nothing is written when
        the file is malformed (the error is raised before any write)."""
        if not (
            self.env.is_superuser()
            or self.env.user.has_group("health_observatory.group_observatory_user")
        ):
            raise AccessError(self.env._("Only the observatory's users may import open data."))
        method = getattr(self, f"_import_{import_type}")
        return method(stream, filename=filename, extraction_date=extraction_date)

    # ---------------------------------------------------------------- helpers
    def _malformed(self, filename, reason, line=None):
        if line:
            return UserError(
                self.env._(
                    "The file %(file)s was not imported, nothing was changed: line "
                    "%(line)s: %(reason)s",
                    file=filename,
                    line=line,
                    reason=reason,
                )
            )
        return UserError(
            self.env._(
                "The file %(file)s was not imported, nothing was changed: %(reason)s",
                file=filename,
                reason=reason,
            )
        )

    def _text_rows(self, stream, filename, delimiter=None):
        """Rows of a UTF-8 text file, streamed; the delimiter is guessed from
        the header line when not given."""
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        try:
            header_line = text.readline()
        except UnicodeDecodeError as error:
            raise self._malformed(
                filename, self.env._("it is not a UTF-8 text file."), 1
            ) from error
        if not header_line.strip():
            raise self._malformed(filename, self.env._("the file is empty."))
        if delimiter is None:
            delimiter = max(";,|\t", key=header_line.count)
        header = next(csv.reader([header_line], delimiter=delimiter))

        def rows():
            reader = csv.reader(text, delimiter=delimiter)
            try:
                for row in reader:
                    yield reader.line_num + 1, row
            except (UnicodeDecodeError, csv.Error) as error:
                raise self._malformed(
                    filename,
                    self.env._("it is not a readable UTF-8 text file (%(error)s).", error=error),
                    reader.line_num + 1,
                ) from error

        return header, rows()

    @api.model
    def _match_column(self, titles, candidates):
        """Index of the first of ``titles`` (normalised) that matches one of
        ``candidates`` (regular expressions, by order of preference), or None."""
        for pattern in candidates:
            for index, title in enumerate(titles):
                if re.fullmatch(pattern, title):
                    return index
        return None

    def _find_column(self, header, candidates, filename, label, required=True):
        """Index of the first column whose normalised title matches one of
        ``candidates`` (regular expressions on the normalised title)."""
        index = self._match_column([normalize(title) for title in header], candidates)
        if index is not None or not required:
            return index
        raise self._malformed(
            filename,
            self.env._(
                "the column %(column)s is missing. Columns found: %(found)s.",
                column=label,
                found=", ".join(h for h in header if h)[:500],
            ),
        )

    @contextmanager
    def _open_workbook(self, stream, filename):
        """An xlsx workbook opened in read-only mode: rows are streamed from
        the file instead of being loaded whole in memory."""
        import openpyxl

        try:
            workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
        except Exception as error:  # any unreadable workbook is malformed
            raise self._malformed(
                filename, self.env._("it is not an Excel workbook (xlsx).")
            ) from error
        try:
            yield workbook
        finally:
            workbook.close()

    @api.model
    def _xlsx_table(self, sheet, columns, required):
        """Find the table of a sheet published with title rows above it.

        ``columns`` maps keys to candidate patterns (as ``_find_column``); the
        header is the first of the first HEADER_ROWS rows where every key of
        ``required`` matches a title. Returns ``({key: index or None}, rows)``
        where ``rows`` streams ``(line number, row)`` after the header, or
        ``(None, None)`` when the sheet has no such table."""
        rows = sheet.iter_rows(values_only=True)
        for line, row in enumerate(rows, start=1):
            titles = [normalize(cell) for cell in row]
            index = {key: self._match_column(titles, patterns) for key, patterns in columns.items()}
            if all(index[key] is not None for key in required):
                return index, enumerate(rows, start=line + 1)
            if line >= HEADER_ROWS:
                break
        return None, None

    def _no_table(self, sheet, filename, labels):
        return self._malformed(
            filename,
            self.env._(
                "the sheet %(sheet)s has no table with the columns %(columns)s in its first "
                "%(rows)s rows.",
                sheet=sheet.title,
                columns=", ".join(f"'{label}'" for label in labels),
                rows=HEADER_ROWS,
            ),
        )

    def _communes_by_code(self):
        """Communes of the programme's territories by official code, and by the
        code of the commune they merged into."""
        communes = self.env["health.territory"].search_read(
            [("territory_type", "=", "commune"), ("code", "!=", False)],
            ["code", "health_successor_code"],
        )
        by_code = defaultdict(list)
        for commune in communes:
            by_code[commune["code"]].append(commune["id"])
        for commune in communes:
            successor = commune["health_successor_code"]
            if successor and successor != commune["code"]:
                by_code[successor].append(commune["id"])
        return by_code

    def _write_changes(self, model, new_values):
        """Write ``{id: {field: value}}`` where the values differ, grouping the
        records that receive the same values into one write. Returns the
        number of records changed."""
        # territories are reference data that only the observatory's importers
        # (checked in _import_stream) may change for its users
        Model = self.env[model].sudo() if model == "health.territory" else self.env[model]
        records = Model.browse(list(new_values))
        fields_to_read = sorted({name for vals in new_values.values() for name in vals})
        current = {row["id"]: row for row in records.read(fields_to_read, load=None)}
        groups = defaultdict(list)
        for record_id, vals in new_values.items():
            changed = {k: v for k, v in vals.items() if current[record_id][k] != v}
            if changed:
                groups[tuple(sorted(changed.items()))].append(record_id)
        for vals, ids in groups.items():
            Model.browse(ids).write(dict(vals))
        return sum(len(ids) for ids in groups.values())

    # ------------------------------------------------------------------- RPPS
    def _import_rpps(self, stream, filename="", extraction_date=None):
        communes = self._communes_by_code()
        gps, read = self._read_rpps(stream, filename, communes)
        counts = self._apply_rpps(gps, communes, extraction_date)
        return self.env._(
            "%(file)s: %(read)s lines read, %(gps)s GPs in the territory; %(created)s "
            "new contacts, %(updated)s updated, %(arrivals)s arrivals, %(departures)s "
            "departures.",
            file=filename,
            read=read,
            gps=len(gps),
            **counts,
        )

    def _read_rpps(self, stream, filename, communes):
        """The GPs of the file practising in ``communes``, keyed on their
        national identification: ``{key: [line, …]}`` (one line per site).

        Every line is checked (same number of fields as the header), but only
        the matching ones are kept: memory does not grow with the file."""
        header, rows = self._text_rows(stream, filename, delimiter="|")
        if len(header) < 2 or header[-1] != "":
            raise self._malformed(
                filename,
                self.env._(
                    "this is not an Annuaire Santé extraction: fields are separated by "
                    "'|' and every line ends with '|'."
                ),
                1,
            )
        index = {}
        for key, title in RPPS_COLUMNS.items():
            if title in header:
                index[key] = header.index(title)
            elif key not in RPPS_OPTIONAL:
                raise self._malformed(
                    filename,
                    self.env._(
                        "the column %(column)s is missing: is it the 'Personne_activite' file?",
                        column=title,
                    ),
                    1,
                )
        width = len(header)
        i_prof, i_skill, i_commune = index["profession"], index["skill"], index["commune"]
        i_key = index["key"]
        i_sector, i_genre, i_mode = index.get("sector"), index.get("genre"), index.get("mode")
        gps = defaultdict(list)
        read = 0
        for line, row in rows:
            if len(row) != width:
                if not row:
                    continue
                # the trailing '|' of every line is not a field
                raise self._malformed(
                    filename,
                    self.env._(
                        "%(found)s fields instead of %(expected)s.",
                        found=len(row) - 1,
                        expected=width - 1,
                    ),
                    line,
                )
            read += 1
            if (
                row[i_commune] not in communes
                or row[i_prof] != GP_PROFESSION
                or row[i_skill] not in GP_SKILLS
            ):
                continue
            sector = row[i_sector] if i_sector is not None else ""
            genre = row[i_genre] if i_genre is not None else ""
            if sector == HOSPITAL_SECTOR or genre == LOCUM_GENRE:
                continue
            if not row[i_key]:
                raise self._malformed(filename, self.env._("a GP without identifier."), line)
            gps[row[i_key]].append(
                {
                    "last_name": row[index["last_name"]].strip(),
                    "first_name": row[index["first_name"]].strip(),
                    "commune": row[i_commune],
                    "mode": row[i_mode] if i_mode is not None else "",
                    "sector": sector,
                }
            )
        return gps, read

    @api.model
    def _rpps_values(self, lines, communes):
        """Roster values of a GP from their activity lines (first line = main site)."""
        main = lines[0]
        modes = {line["mode"] for line in lines} & {"L", "S"}
        if any(line["sector"] == "SA05" for line in lines):
            modes.add("S")
        mode = {
            frozenset({"L"}): "liberal",
            frozenset({"S"}): "salaried",
            frozenset({"L", "S"}): "mixed",
        }.get(frozenset(modes), False)
        return {
            "health_practice_commune_id": communes[main["commune"]][0],
            "health_practice_mode": mode,
            "health_practice_structure": STRUCTURES.get(main["sector"], False),
            "health_practising": True,
        }

    def _apply_rpps(self, gps, communes, extraction_date):
        date = extraction_date or fields.Date.context_today(self)
        Partner = self.env["res.partner"].with_context(active_test=False, tracking_disable=True)
        role_gp = self.env.ref("health_base.role_gp")
        commune_ids = sorted({i for ids in communes.values() for i in ids})
        existing = {}
        keys = list(gps)
        for start in range(0, len(keys), BATCH):
            for partner in Partner.search_read(
                [("health_rpps_national_id", "in", keys[start : start + BATCH])],
                ["health_rpps_national_id", "health_practice_commune_id", "health_practising"],
                load=None,
            ):
                existing[partner["health_rpps_national_id"]] = partner
        movements = []
        to_create = []
        updates = {}
        for key, lines in gps.items():
            vals = self._rpps_values(lines, communes)
            partner = existing.get(key)
            if not partner:
                to_create.append((key, lines[0], vals))
                continue
            updates[partner["id"]] = vals
            old_commune = partner["health_practising"] and partner["health_practice_commune_id"]
            if old_commune != vals["health_practice_commune_id"]:
                if old_commune:
                    movements.append((partner["id"], old_commune, "departure"))
                movements.append((partner["id"], vals["health_practice_commune_id"], "arrival"))
        # practising GPs of the territory who are no longer in the file have left
        gone = Partner.search_read(
            [
                ("health_practising", "=", True),
                ("health_rpps_national_id", "!=", False),
                ("health_rpps_national_id", "not in", keys),
                ("health_practice_commune_id", "in", commune_ids),
            ],
            ["health_practice_commune_id"],
            load=None,
        )
        for partner in gone:
            updates[partner["id"]] = {"health_practising": False}
            movements.append((partner["id"], partner["health_practice_commune_id"], "departure"))
        updated = self._write_changes("res.partner", updates) if updates else 0
        created = Partner.create(
            [
                {
                    "name": f"{line['first_name']} {line['last_name']}".strip(),
                    "health_rpps_national_id": key,
                    "health_role_ids": [(4, role_gp.id)],
                    "health_territory_id": vals["health_practice_commune_id"],
                    **vals,
                }
                for key, line, vals in to_create
            ]
        )
        for partner in created:
            movements.append((partner.id, partner.health_practice_commune_id.id, "arrival"))
        self.env["health.observatory.movement"].create(
            [
                {
                    "partner_id": partner_id,
                    "territory_id": territory_id,
                    "movement_type": kind,
                    "date": date,
                    "origin": "rpps",
                }
                for partner_id, territory_id, kind in movements
            ]
        )
        return {
            "created": len(created),
            "updated": updated,
            "arrivals": sum(1 for m in movements if m[2] == "arrival"),
            "departures": sum(1 for m in movements if m[2] == "departure"),
        }

    # ------------------------------------------------------------- population
    def _population_columns(self):
        # INSEE files name the commune by its full code (CODGEO) or by the code
        # of its département and its 3-digit code in the département
        return {
            "code": [
                r"code commune",
                r"codgeo",
                r"code geo(graphique)?",
                r"codcom",
                r"com",
            ],
            "dep": [r"dep", r"code departement"],
            "pop": [r"pmun( \d{4})?", r"population municipale.*"],
        }

    def _import_population(self, stream, filename="", extraction_date=None):
        if filename.lower().endswith(".xlsx"):
            with self._open_workbook(stream, filename) as workbook:
                populations = self._read_population_xlsx(workbook, filename)
        else:
            populations = self._read_population_csv(stream, filename)
        communes = self._communes_by_code()
        own = self.env["health.territory"].search_read(
            [("territory_type", "=", "commune"), ("code", "!=", False)], ["code"]
        )
        own_codes = {commune["code"] for commune in own}
        populations = {code: pop for code, pop in populations.items() if code in own_codes}
        changed = self._write_populations(populations, communes)
        return self.env._(
            "%(file)s: %(found)s communes of the territory found, %(changed)s populations changed.",
            file=filename,
            found=len(populations),
            changed=changed,
        )

    def _read_population_csv(self, stream, filename):
        header, rows = self._text_rows(stream, filename)
        columns = self._population_columns()
        index = {
            "code": self._find_column(
                header, columns["code"], filename, self.env._("commune code")
            ),
            "dep": self._find_column(header, columns["dep"], filename, "dep", False),
            "pop": self._find_column(
                header, columns["pop"], filename, self.env._("municipal population (PMUN)")
            ),
        }
        return self._read_populations(index, self._table_rows(rows, header, filename), filename)

    def _read_population_xlsx(self, workbook, filename):
        """INSEE workbook: the sheet "Communes" (or the first sheet holding a
        table of communes), a few title rows above the table."""
        sheets = sorted(workbook.worksheets, key=lambda sheet: normalize(sheet.title) != "communes")
        for sheet in sheets:
            index, rows = self._xlsx_table(sheet, self._population_columns(), ("code", "pop"))
            if index:
                return self._read_populations(index, rows, filename)
        raise self._no_table(sheets[0], filename, ["Code commune", "Population municipale"])

    def _table_rows(self, rows, header, filename):
        """The non-empty ``(line, row)`` of a csv table, each checked to have
        as many fields as its header: a row that has not refuses the file."""
        for line, row in rows:
            if not any(row):
                continue
            if len(row) != len(header):
                raise self._malformed(
                    filename,
                    self.env._(
                        "%(found)s fields instead of %(expected)s.",
                        found=len(row),
                        expected=len(header),
                    ),
                    line,
                )
            yield line, row

    def _read_populations(self, index, rows, filename):
        """``{commune code: population}`` from the rows of a table; a value that
        is not a whole number refuses the whole file."""
        i_code, i_dep, i_pop = index["code"], index["dep"], index["pop"]
        width = max(i for i in index.values() if i is not None) + 1
        populations = {}
        for line, row in rows:
            if len(row) < width or not any(cell not in (None, "") for cell in row):
                continue
            code = cell_text(row[i_code])
            if not code:
                continue
            if i_dep is not None and len(code) <= 3:
                code = cell_text(row[i_dep]).zfill(2) + code.zfill(3)
            code = commune_code(code)
            if not COMMUNE_CODE.fullmatch(code):
                continue  # a title, a total or a note around the table
            populations[code] = self._population_value(row[i_pop], code, filename, line)
        return populations

    def _population_value(self, raw, code, filename, line):
        if isinstance(raw, int | float) and not isinstance(raw, bool) and float(raw).is_integer():
            value = int(raw)
        else:
            text = re.sub(r"[\s\u00a0\u202f]", "", str(raw if raw is not None else ""))
            value = int(text) if text.isdigit() else -1
        if value < 0:
            raise self._malformed(
                filename,
                self.env._(
                    "the population %(value)s of %(code)s is not a whole number.",
                    value=raw,
                    code=code,
                ),
                line,
            )
        return value

    def _write_populations(self, populations, communes):
        # a commune is listed under its own code first, then under the code
        # of the commune it merged into: only its own code gives its population
        updates = {communes[code][0]: {"population": pop} for code, pop in populations.items()}
        changed = self._write_changes("health.territory", updates) if updates else 0
        if changed:
            self._sum_populations()
        return changed

    def _sum_populations(self):
        """EPCI and département populations: the sums of their communes."""
        Territory = self.env["health.territory"].sudo()
        Territory.flush_model(["parent_path", "population"])
        sums = defaultdict(int)
        for commune in Territory.search_read(
            [("territory_type", "=", "commune")], ["parent_path", "population"]
        ):
            for ancestor in commune["parent_path"].split("/")[:-2]:
                sums[int(ancestor)] += commune["population"]
        parents = Territory.search([("territory_type", "!=", "commune")])
        self._write_changes(
            "health.territory", {parent.id: {"population": sums[parent.id]} for parent in parents}
        )

    # -------------------------------------------------------------------- APL
    def _import_apl(self, stream, filename="", extraction_date=None):
        """Every year of the file is kept: a re-import of the same edition
        changes nothing, a newer edition corrects its years and adds the new
        ones; years missing from the file are left as they are."""
        if filename.lower().endswith(".csv"):
            by_year = self._read_apl_csv(stream, filename)
        else:
            by_year = self._read_apl_xlsx(stream, filename)
        communes = self._communes_by_code()
        wanted = {
            (communes[code][0], year): value
            for year, values in by_year.items()
            for code, value in values.items()
            if code in communes
        }
        created, changed = self._apply_apl(wanted)
        return self.env._(
            "%(file)s: APL %(years)s of %(found)s communes of the territory: %(created)s "
            "values added, %(changed)s changed.",
            file=filename,
            years=", ".join(str(year) for year in sorted(by_year)),
            found=len({territory_id for territory_id, _year in wanted}),
            created=created,
            changed=changed,
        )

    def _apply_apl(self, wanted):
        """Write ``{(territory id, year): value}`` into the APL history: one
        create for the new values, one write per distinct changed value."""
        # the history is reference data that only the observatory's importers
        # (checked in _import_stream) may change for its users
        Apl = self.env["health.observatory.apl"].sudo()
        if not wanted:
            return 0, 0
        existing = {
            (row["territory_id"], row["year"]): row
            for row in Apl.search_read(
                [
                    ("territory_id", "in", list({key[0] for key in wanted})),
                    ("year", "in", list({key[1] for key in wanted})),
                ],
                ["territory_id", "year", "value"],
                load=None,
            )
        }
        to_create = []
        to_write = defaultdict(list)
        for (territory_id, year), value in wanted.items():
            row = existing.get((territory_id, year))
            if not row:
                to_create.append({"territory_id": territory_id, "year": year, "value": value})
            elif round(row["value"], 3) != value:
                to_write[value].append(row["id"])
        for value, ids in to_write.items():
            Apl.browse(ids).write({"value": value})
        Apl.create(to_create)
        return len(to_create), sum(len(ids) for ids in to_write.values())

    def _apl_value(self, raw, code, filename, line):
        if isinstance(raw, int | float):
            return round(float(raw), 3)
        try:
            return round(float(str(raw).strip().replace(",", ".")), 3)
        except ValueError:
            raise self._malformed(
                filename,
                self.env._("the APL %(value)s of %(code)s is not a number.", value=raw, code=code),
                line,
            ) from None

    def _read_apl_csv(self, stream, filename):
        """``{year: {code: APL}}`` from a csv with a column per year
        (``apl_mg_2023``, ``APL aux médecins généralistes 2022``…)."""
        header, rows = self._text_rows(stream, filename)
        i_code = self._find_column(
            header, [r"code commune( insee)?", r"codgeo"], filename, "code commune"
        )
        year_columns = {}
        for index, title in enumerate(normalize(title) for title in header):
            match = re.fullmatch(r"apl (?:mg|aux medecins generalistes) ((?:19|20)\d{2})", title)
            if match:
                year_columns.setdefault(int(match.group(1)), index)
        if not year_columns:
            self._find_column(
                header,
                [r"apl mg.*", r"apl aux medecins generalistes.*"],
                filename,
                self.env._("APL to general practitioners"),
            )
            raise self._malformed(filename, self.env._("the APL column does not give its year."))
        by_year = {year: {} for year in year_columns}
        for line, row in self._table_rows(rows, header, filename):
            code = commune_code(row[i_code])
            for year, index in year_columns.items():
                if row[index].strip():
                    by_year[year][code] = self._apl_value(row[index], code, filename, line)
        return by_year

    def _read_apl_xlsx(self, stream, filename):
        """DREES workbook: one sheet per year ("APL 2023"), a few title rows
        above the table; every year is read."""
        with self._open_workbook(stream, filename) as workbook:
            sheets = [
                (int(match.group(0)), name)
                for name in workbook.sheetnames
                if (match := re.search(r"(19|20)\d{2}", name))
            ]
            if not sheets:
                raise self._malformed(
                    filename, self.env._("no sheet is named after a year (such as 'APL 2023').")
                )
            return {
                year: self._read_apl_sheet(workbook[name], filename)
                for year, name in sorted(sheets)
            }

    def _read_apl_sheet(self, sheet, filename):
        index, rows = self._xlsx_table(
            sheet,
            {
                "code": [r"code commune.*"],
                "apl": [r"apl aux medecins generalistes(?!.*65).*"],
            },
            ("code", "apl"),
        )
        if not index:
            raise self._no_table(sheet, filename, ["Code commune", "APL aux médecins généralistes"])
        i_code, i_apl = index["code"], index["apl"]
        values = {}
        for number, row in rows:
            if len(row) <= max(i_code, i_apl) or row[i_code] in (None, ""):
                continue
            code = commune_code(row[i_code])
            if not COMMUNE_CODE.fullmatch(code):
                continue  # notes under the table
            values[code] = self._apl_value(row[i_apl], code, filename, number)
        return values

    # ----------------------------------------------------------------- zoning
    def _zoning_key(self, value):
        text = normalize(value)
        if not text or text.startswith("n/a") or text.startswith("na "):
            return None
        for pattern, key in (
            (r"(\d )?zip\b.*|zone d.intervention prioritaire", "zip"),
            (r"(\d )?zac\b.*|zone d.action complementaire", "zac"),
            (r"(\d )?(hz|hors zonage)\b.*|(\d )?zar\b.*", "none"),
        ):
            if re.fullmatch(pattern, text.replace("_", " ")):
                return key
        return False

    def _overlay_flag(self, value, filename, line, label):
        """A QPV/FRR cell: yes/no in the wordings the files use."""
        text = normalize(value)
        if text in ("1", "oui", "o", "yes", "y", "true", "vrai", "x"):
            return True
        if text in ("", "0", "non", "n", "no", "false", "faux"):
            return False
        raise self._malformed(
            filename,
            self.env._(
                "the column %(column)s holds %(value)s: expected oui or non (1 or 0).",
                column=label,
                value=value,
            ),
            line,
        )

    def _import_zoning(self, stream, filename="", extraction_date=None):
        """The ARS zoning (ZIP/ZAC) and, when the file has the columns, the
        overlays that add to it: QPV and France Ruralités Revitalisation."""
        header, rows = self._text_rows(stream, filename)
        i_code = self._find_column(
            header,
            [r"code commune 2025", r"code commune( insee)?", r"codgeo", r"code insee"],
            filename,
            "code commune",
        )
        i_zoning = self._find_column(
            header,
            [r"zonage mg", r"zonage(?!.*(qpv|frr|zrr)).*", r"zone(?!.*(qpv|frr|zrr)).*"],
            filename,
            self.env._("zoning"),
        )
        overlays = {
            field: (index, header[index])
            for field, patterns in (
                ("zoning_qpv", [r"(zonage )?qpv", r"quartiers? prioritaires?.*"]),
                (
                    "zoning_frr",
                    [r"(zonage )?(frr|zrr)", r"france ruralites revitalisation.*", r"zrr.*"],
                ),
            )
            if (index := self._find_column(header, patterns, filename, field, False)) is not None
        }
        communes = self._communes_by_code()
        updates = defaultdict(dict)
        for line, row in self._table_rows(rows, header, filename):
            key = self._zoning_key(row[i_zoning])
            if key is False:
                raise self._malformed(
                    filename,
                    self.env._(
                        "unknown zoning %(value)s: expected ZIP, ZAC or HZ.",
                        value=row[i_zoning],
                    ),
                    line,
                )
            vals = {"zoning": key} if key else {}
            for field, (index, label) in overlays.items():
                vals[field] = self._overlay_flag(row[index], filename, line, label)
            for territory_id in communes.get(commune_code(row[i_code]), []) if vals else []:
                updates[territory_id].update(vals)
        changed = self._write_changes("health.territory", updates) if updates else 0
        return self.env._(
            "%(file)s: zoning of %(found)s communes of the territory, %(changed)s changed.",
            file=filename,
            found=len(updates),
            changed=changed,
        )

    # --------------------------------------------------------------- communes
    def _import_communes(self, stream, filename="", extraction_date=None):
        """The communes of a département with their EPCI, population and centre:
        creates the missing territories, updates the others."""
        header, rows = self._text_rows(stream, filename)
        columns = {
            "code": [r"code commune"],
            "name": [r"nom commune"],
            "dep": [r"code departement"],
            "epci": [r"code epci"],
            "epci_name": [r"nom epci"],
            "population": [r"population municipale.*"],
            "latitude": [r"latitude"],
            "longitude": [r"longitude"],
        }
        index = {
            key: self._find_column(header, patterns, filename, key)
            for key, patterns in columns.items()
        }
        i_successor = self._find_column(
            header, [r"code commune \d{4}"], filename, "successor", False
        )
        i_dep_name = self._find_column(header, [r"nom departement"], filename, "dep", False)
        records = []
        for line, row in self._table_rows(rows, header, filename):
            try:
                values = {key: row[i].strip() for key, i in index.items()}
                values["population"] = int(values["population"] or 0)
                values["latitude"] = float(values["latitude"])
                values["longitude"] = float(values["longitude"])
            except ValueError:
                raise self._malformed(
                    filename,
                    self.env._("the population or the coordinates are not numbers."),
                    line,
                ) from None
            values["successor"] = row[i_successor].strip() if i_successor is not None else ""
            values["dep_name"] = row[i_dep_name].strip() if i_dep_name is not None else ""
            records.append(values)
        created, changed = self._apply_communes(records)
        return self.env._(
            "%(file)s: %(count)s communes, %(created)s territories created, %(changed)s updated.",
            file=filename,
            count=len(records),
            created=created,
            changed=changed,
        )

    def _apply_communes(self, records):
        Territory = self.env["health.territory"].sudo().with_context(active_test=False)
        known = {
            (t["territory_type"], t["code"]): t["id"]
            for t in Territory.search_read([("code", "!=", False)], ["territory_type", "code"])
        }
        created = 0

        def ensure(level, code, vals):
            nonlocal created
            if (level, code) not in known:
                known[(level, code)] = Territory.create(
                    {"territory_type": level, "code": code, **vals}
                ).id
                created += 1
            return known[(level, code)]

        updates = {}
        to_create = []
        for rec in records:
            dep = ensure(
                "departement",
                rec["dep"],
                {"name": rec["dep_name"] or self.env._("Département %s", rec["dep"])},
            )
            epci = ensure("epci", rec["epci"], {"name": rec["epci_name"], "parent_id": dep})
            commune_vals = {
                "name": rec["name"],
                "parent_id": epci,
                "population": rec["population"],
                "latitude": rec["latitude"],
                "longitude": rec["longitude"],
                "health_successor_code": rec["successor"] or False,
            }
            if ("commune", rec["code"]) in known:
                updates[known[("commune", rec["code"])]] = commune_vals
            else:
                to_create.append({"territory_type": "commune", "code": rec["code"], **commune_vals})
        created += len(Territory.create(to_create))
        changed = self._write_changes("health.territory", updates) if updates else 0
        self._sum_populations()
        return created, changed

    # --------------------------------------------------------------- contours
    def _import_contours(self, stream, filename="", extraction_date=None):
        """Outlines of the communes from a GeoJSON FeatureCollection whose
        features carry the INSEE code of their commune; matched on the codes
        of the programme's communes, the other features are skipped."""
        outlines = self._read_contours(stream, filename)
        own = {
            commune["code"]: commune["id"]
            for commune in self.env["health.territory"].search_read(
                [("territory_type", "=", "commune"), ("code", "!=", False)], ["code"]
            )
        }
        updates = {
            own[code]: {"health_contour": text} for code, text in outlines.items() if code in own
        }
        unknown = sorted(code for code in outlines if code not in own)
        changed = self._write_changes("health.territory", updates) if updates else 0
        summary = self.env._(
            "%(file)s: %(count)s outlines, %(found)s communes of the territory, "
            "%(changed)s changed, %(unknown)s unknown codes skipped.",
            file=filename,
            count=len(outlines),
            found=len(updates),
            changed=changed,
            unknown=len(unknown),
        )
        if unknown:
            more = ", …" if len(unknown) > 5 else ""
            summary += f" ({', '.join(unknown[:5])}{more})"
        return summary

    def _read_contours(self, stream, filename):
        """``{INSEE code: outline text}`` of a GeoJSON file, every feature
        checked before anything is written."""
        try:
            data = json.load(io.TextIOWrapper(stream, encoding="utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            raise self._malformed(
                filename, self.env._("it is not a GeoJSON (JSON) text file.")
            ) from error
        features = data.get("features") if isinstance(data, dict) else None
        if not isinstance(features, list) or data.get("type") != "FeatureCollection":
            raise self._malformed(filename, self.env._("it is not a GeoJSON FeatureCollection."))
        Territory = self.env["health.territory"]
        limit = Territory._health_max_lengths.get("health_contour") or (
            Territory._health_text_max_length
        )
        outlines = {}
        for number, feature in enumerate(features, start=1):
            code = self._contour_code(feature)
            if not code:
                raise self._malformed(
                    filename,
                    self.env._(
                        "the feature %(number)s has no INSEE commune code among its "
                        "properties (code, code_commune, codgeo, insee_com).",
                        number=number,
                    ),
                )
            geometry = geojson.clean_geometry(feature.get("geometry"))
            if geometry is None:
                raise self._malformed(
                    filename,
                    self.env._(
                        "the outline of %(code)s is not a Polygon or MultiPolygon of "
                        "closed rings of [longitude, latitude] points in WGS 84 degrees.",
                        code=code,
                    ),
                )
            text = geojson.dumps(geometry)
            if len(text) > limit:
                raise self._malformed(
                    filename,
                    self.env._(
                        "the outline of %(code)s is too detailed (%(size)s characters, "
                        "%(limit)s at most): simplify the file first (with mapshaper, for "
                        "instance).",
                        code=code,
                        size=len(text),
                        limit=limit,
                    ),
                )
            outlines[code] = text
        return outlines

    def _contour_code(self, feature):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            return ""
        by_name = {normalize(key): value for key, value in properties.items()}
        for key in ("code", "code commune", "codgeo", "insee com", "code insee"):
            if by_name.get(key) not in (None, ""):
                return commune_code(by_name[key])
        return ""
