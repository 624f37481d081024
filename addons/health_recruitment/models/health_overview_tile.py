from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, models

# an open candidacy with no stage change and nothing planned for this many
# days is an alert of the overview
STALE_DAYS = 60


class HealthOverviewTile(models.Model):
    """The recruitment figures of the steering overview."""

    _inherit = "health.overview.tile"

    @api.model
    def _health_recruitment_domain(self):
        return [("health_is_recruitment", "=", True), ("type", "=", "opportunity")]

    @api.model
    def _health_installed_domain(self, date_from, date_to):
        return self.env["crm.lead"]._health_installed_domain(date_from, date_to)

    def _health_tile_recruitment_semester_candidacies(self, today):
        semester = self.env["health.internship.semester"].get_for_date(today)
        domain = [*self._health_recruitment_domain(), ("health_semester_id", "in", semester.ids)]
        return {
            "value": self.env["crm.lead"].search_count(domain),
            "subtitle": self.env._(
                "Candidates met during the %(semester)s semester",
                semester=semester.display_name or "–",
            ),
            "res_model": "crm.lead",
            "domain": domain,
            "views": ["kanban", "list", "form"],
        }

    def _health_tile_recruitment_open(self, today):
        Lead = self.env["crm.lead"]
        domain = [*Lead._health_open_candidacy_domain(), ("type", "=", "opportunity")]
        by_stage = Lead._read_group(domain, ["stage_id"], ["__count"])
        total = sum(count for __, count in by_stage)
        furthest = max(by_stage, key=lambda group: group[0].sequence, default=None)
        return {
            "value": total,
            "subtitle": furthest
            and self.env._(
                "%(count)s at the stage %(stage)s",
                count=furthest[1],
                stage=furthest[0].name,
            ),
            "res_model": "crm.lead",
            "domain": domain,
            "views": ["kanban", "list", "form"],
        }

    def _health_tile_recruitment_installed_year(self, today):
        domain = self._health_installed_domain(today.replace(month=1, day=1), today)
        return {
            "value": self.env["crm.lead"].search_count(domain),
            "subtitle": self.env._("Doctors installed since 1 January %(year)s", year=today.year),
            "res_model": "crm.lead",
            "domain": domain,
            "views": ["list", "kanban", "form"],
        }

    def _health_practising_figure(self, today, months):
        """Doctors installed at least ``months`` ago, and those of them not
        known to have left or stopped: the progress bar is the retention."""
        limit = today - relativedelta(months=months)
        installed = [
            *self._health_recruitment_domain(),
            ("health_is_installed", "=", True),
            ("health_installation_date", "<=", limit),
        ]
        groups = dict(self.env["crm.lead"]._read_group(installed, ["health_outcome"], ["__count"]))
        total = sum(groups.values())
        practising = total - groups.get("left", 0) - groups.get("stopped", 0)
        return {
            "value": practising,
            "target": total,
            "subtitle": self.env._(
                "%(rate)s %% of the %(total)s doctors installed before %(date)s",
                rate=round(self._health_rate(practising, total)),
                total=total,
                date=limit.strftime("%d/%m/%Y"),
            ),
            "res_model": "crm.lead",
            "domain": [*installed, ("health_outcome", "not in", ("left", "stopped"))],
        }

    def _health_tile_recruitment_practising_12(self, today):
        return self._health_practising_figure(today, 12)

    def _health_tile_recruitment_practising_24(self, today):
        return self._health_practising_figure(today, 24)

    def _health_tile_recruitment_cost_per_installation(self, today):
        """What the programme spent this year per doctor installed this year
        (health.recruitment.installation.cost's one definition): the toolbox
        measures of those doctors and the parts the other applications add
        (grants paid, evenings' costs)."""
        figure = self.env["health.recruitment.installation.cost"]._health_cost_summary(
            today.replace(month=1, day=1), today
        )
        return {
            "value": figure["cost_per_installation"],
            "subtitle": self.env._(
                "%(total)s spent for %(count)s installations (%(parts)s)",
                total=self._health_format(figure["total"]),
                count=figure["count"],
                parts=", ".join(
                    f"{label} {self._health_format(amount)}" for label, amount in figure["parts"]
                ),
            ),
            "res_model": "crm.lead",
            "domain": figure["domain"],
        }

    def _health_tile_recruitment_stale(self, today):
        limit = datetime.combine(today - relativedelta(days=STALE_DAYS), time.max)
        domain = [
            *self.env["crm.lead"]._health_open_candidacy_domain(),
            ("type", "=", "opportunity"),
            ("date_last_stage_update", "<=", limit),
            ("activity_ids", "=", False),
        ]
        count = self.env["crm.lead"].search_count(domain)
        return {
            "value": count,
            "alert": bool(count),
            "subtitle": self.env._(
                "Open candidacies with no stage change for %(days)s days and nothing planned",
                days=STALE_DAYS,
            ),
            "res_model": "crm.lead",
            "domain": domain,
        }
