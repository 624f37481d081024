from odoo import api, models


class HealthRecruitmentPipelineXlsx(models.AbstractModel):
    """The pipeline spreadsheet of the steering committee: one row per
    candidacy, and a summary of the open candidacies and installations."""

    _name = "health.recruitment.pipeline.xlsx"
    _inherit = "health.xlsx.export"
    _description = "Recruitment Pipeline Spreadsheet"

    @api.model
    def _pipeline_columns(self):
        """(header, width, kind, function lead -> value) of the columns (hook)."""
        Lead = self.env["crm.lead"]

        def labels(fname):
            return dict(Lead._fields[fname]._description_selection(self.env))

        types = labels("health_candidate_type")
        modes = labels("health_practice_mode")
        outcomes = labels("health_outcome")
        return [
            (self.env._("Candidacy"), 30, "text", lambda lead: lead.name),
            (
                self.env._("Candidate type"),
                20,
                "text",
                lambda lead: types.get(lead.health_candidate_type),
            ),
            (
                self.env._("Internship semester"),
                20,
                "text",
                lambda lead: lead.health_semester_id.display_name,
            ),
            (self.env._("Source"), 20, "text", lambda lead: lead.source_id.name),
            (self.env._("Stage"), 20, "text", lambda lead: lead.stage_id.name),
            (self.env._("Status"), 12, "text", self._status),
            (
                self.env._("Target territories"),
                30,
                "text",
                lambda lead: ", ".join(lead.health_target_territory_ids.mapped("name")),
            ),
            (
                self.env._("Practice mode"),
                20,
                "text",
                lambda lead: modes.get(lead.health_practice_mode),
            ),
            (
                self.env._("Installation commune"),
                20,
                "text",
                lambda lead: lead.health_installation_territory_id.name,
            ),
            (
                self.env._("Installation date"),
                14,
                "date",
                lambda lead: lead.health_installation_date,
            ),
            (self.env._("Outcome"), 20, "text", lambda lead: outcomes.get(lead.health_outcome)),
            (self.env._("Measures cost"), 14, "money", lambda lead: lead.health_measure_cost),
            (self.env._("Responsible"), 20, "text", lambda lead: lead.user_id.name),
        ]

    @api.model
    def _status(self, lead):
        if lead.health_is_installed:
            return self.env._("Installed")
        if lead.health_is_open:
            return self.env._("Open")
        return self.env._("Lost")

    @api.model
    def _summary_rows(self, leads):
        """(label, count, amount) of the summary sheet."""
        installed = leads.filtered("health_is_installed")
        cost = sum(installed.mapped("health_measure_cost"))
        return [
            (self.env._("Candidacies"), len(leads), None),
            (self.env._("Open candidacies"), len(leads.filtered("health_is_open")), None),
            (self.env._("Installations"), len(installed), None),
            (self.env._("Measures cost of the installed doctors"), None, cost),
            (
                self.env._("Measures cost per installation"),
                None,
                cost / len(installed) if installed else 0,
            ),
        ]

    @api.model
    def _pipeline_content(self, leads):
        """The workbook of ``leads``, as bytes."""
        book = self._xlsx_book()
        columns = self._pipeline_columns()
        sheet = book.add_sheet(
            self.env._("Pipeline"), [(header, width, kind) for header, width, kind, _f in columns]
        )
        getters = [getter for _h, _w, _k, getter in columns]
        for lead in leads:
            sheet.write_row([getter(lead) for getter in getters])
        summary = book.add_sheet(
            self.env._("Summary"),
            [
                (self.env._("Indicator"), 40, "text"),
                (self.env._("Number"), 12, "int"),
                (self.env._("Amount"), 16, "money"),
            ],
        )
        for row in self._summary_rows(leads):
            summary.write_row(list(row))
        return book.close()
