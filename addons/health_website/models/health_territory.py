from odoo import fields, models


class HealthTerritory(models.Model):
    _inherit = "health.territory"

    website_published = fields.Boolean(
        string="Page on the Website",
        help="The territory has a public page: living there, schools, childcare, "
        "jobs for the spouse, housing.",
    )
    # Written by the collectivité in French for its French site: one version
    # per territory, not a translation per language.
    website_intro = fields.Html(string="Presentation", sanitize=True)
    website_schools = fields.Html(string="Schools", sanitize=True)
    website_childcare = fields.Html(string="Childcare", sanitize=True)
    website_spouse_jobs = fields.Html(string="Jobs for the Spouse", sanitize=True)
    website_housing = fields.Html(string="Housing", sanitize=True)

    def _health_zoning_aids(self):
        """What the ARS zoning of this territory opens, in plain sentences."""
        self.ensure_one()
        if self.zoning == "zip":
            return [
                self.env._(
                    "Priority intervention zone (ZIP): installation aid contract "
                    "(CAIM) of up to 50,000 euros from the Assurance Maladie."
                ),
                self.env._("Tax exemptions for doctors settling in the zone."),
                self.env._("Local authority aids: premises, housing, installation."),
            ]
        if self.zoning == "zac":
            return [
                self.env._(
                    "Complementary action zone (ZAC): aids of the ARS and of the local "
                    "authorities for the installation."
                ),
                self.env._("Local authority aids: premises, housing, installation."),
            ]
        return [self.env._("Support of the programme's officers for the whole project.")]
