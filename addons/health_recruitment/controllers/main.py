import io

import xlsxwriter

from odoo import http
from odoo.http import request


class HealthRecruitmentController(http.Controller):
    @http.route("/health_recruitment/pipeline.xlsx", type="http", auth="user")
    def pipeline_xlsx(self, **kwargs):
        """The candidacies the user may read, as a spreadsheet for the
        steering committee (record rules apply: a user exports their teams)."""
        env = request.env
        if not env.user.has_group("health_recruitment.group_recruitment_user"):
            raise request.not_found()
        leads = (
            env["crm.lead"]
            .with_context(active_test=False)
            .search([("health_is_recruitment", "=", True), ("type", "=", "opportunity")])
        )
        content = self._pipeline_workbook(env, leads)
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", http.content_disposition("pipeline.xlsx")),
            ],
        )

    def _pipeline_columns(self, env):
        """(title, function lead -> value) of the exported columns (hook)."""
        Lead = env["crm.lead"]

        def labels(fname):
            return dict(Lead._fields[fname]._description_selection(env))

        types = labels("health_candidate_type")
        modes = labels("health_practice_mode")
        outcomes = labels("health_outcome")

        def label(selection, value):
            return selection.get(value, "") if value else ""

        return [
            (env._("Candidacy"), lambda lead: lead.name),
            (env._("Candidate type"), lambda lead: label(types, lead.health_candidate_type)),
            (env._("Internship semester"), lambda lead: lead.health_semester_id.display_name or ""),
            (env._("Source"), lambda lead: lead.source_id.name or ""),
            (env._("Stage"), lambda lead: lead.stage_id.name or ""),
            (env._("Status"), lambda lead: self._status(env, lead)),
            (
                env._("Target territories"),
                lambda lead: ", ".join(lead.health_target_territory_ids.mapped("name")),
            ),
            (env._("Practice mode"), lambda lead: label(modes, lead.health_practice_mode)),
            (
                env._("Installation commune"),
                lambda lead: lead.health_installation_territory_id.name or "",
            ),
            (env._("Installation date"), lambda lead: lead.health_installation_date),
            (env._("Outcome"), lambda lead: label(outcomes, lead.health_outcome)),
            (env._("Measures cost"), lambda lead: lead.health_measure_cost),
            (env._("Responsible"), lambda lead: lead.user_id.name or ""),
        ]

    def _status(self, env, lead):
        if lead.health_is_installed:
            return env._("Installed")
        if not lead.active:
            return env._("Lost")
        return env._("Open")

    def _pipeline_workbook(self, env, leads):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        sheet = workbook.add_worksheet(env._("Pipeline"))
        columns = self._pipeline_columns(env)
        for col, (title, _getter) in enumerate(columns):
            sheet.write(0, col, title, bold)
            sheet.set_column(col, col, 20)
        for row, lead in enumerate(leads, start=1):
            for col, (_title, getter) in enumerate(columns):
                value = getter(lead)
                if hasattr(value, "isoformat"):
                    sheet.write_datetime(row, col, value, date_format)
                else:
                    sheet.write(row, col, value if value is not False else "")
        installed = leads.filtered("health_is_installed")
        cost = sum(installed.mapped("health_measure_cost"))
        summary = workbook.add_worksheet(env._("Summary"))
        summary.set_column(0, 0, 40)
        rows = [
            (env._("Candidacies"), len(leads)),
            (env._("Open candidacies"), len(leads.filtered(lambda lead: lead.active))),
            (env._("Installations"), len(installed)),
            (env._("Measures cost of the installed doctors"), cost),
            (env._("Cost per installation"), cost / len(installed) if installed else 0),
        ]
        for row, (title, value) in enumerate(rows):
            summary.write(row, 0, title, bold)
            summary.write(row, 1, value)
        workbook.close()
        return output.getvalue()
