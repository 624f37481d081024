from odoo import models

from .health_funnel import RATES

STEPS = ("invited", "registered", "attended", "candidacy", "visit", "project", "installed")


class HealthOverviewTile(models.Model):
    """The funnel of the semester on the steering overview."""

    _inherit = "health.overview.tile"

    def _health_funnel_sums(self, domain):
        [row] = self.env["health.funnel"]._read_group(domain, [], [f"{step}:sum" for step in STEPS])
        return dict(zip(STEPS, (value or 0 for value in row), strict=True))

    def _health_funnel_figure(self, today, step, previous):
        semester = self.env["health.internship.semester"].get_for_date(today)
        domain = [("semester_id", "in", semester.ids)]
        sums = self._health_funnel_sums(domain)
        labels = {
            "invited": self.env._("invited"),
            "registered": self.env._("registered"),
            "attended": self.env._("came"),
            "candidacy": self.env._("candidacies"),
            "visit": self.env._("visits"),
            "project": self.env._("projects"),
            "installed": self.env._("installed"),
        }
        chain = " → ".join(
            f"{sums[name]} {labels[name]}"
            + (f" ({self._health_rate(sums[name], sums[STEPS[index - 1]]):.0f} %)" if index else "")
            for index, name in enumerate(STEPS)
        )
        return {
            "value": sums[step],
            "target": sums[previous],
            "subtitle": chain,
            "res_model": "health.funnel",
            "domain": domain,
            "views": ["pivot", "graph", "list"],
            "context": {
                "pivot_measures": [*STEPS, *RATES],
                "pivot_row_groupby": ["territory_id"],
            },
        }

    def _health_tile_funnel_attended(self, today):
        return self._health_funnel_figure(today, "attended", "invited")

    def _health_tile_funnel_candidacies(self, today):
        return self._health_funnel_figure(today, "candidacy", "attended")
