import re

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

SLUG_ID = re.compile(r"(?:^|-)(\d+)$")
PAGE_SIZE = 20
MAP_WIDTH = 600
MAP_HEIGHT = 420
MAP_MARGIN = 40
UTM_PARAMS = ("utm_campaign", "utm_source", "utm_medium")
MULTI_PARAMS = ("territory_ids", "measure_ids")


class HealthWebsite(http.Controller):
    """The public pages for doctors. Records are searched as the visitor (the
    record rules show the published opportunities only), then read as
    superuser to show their territory: the templates show public fields only."""

    # ------------------------------------------------------------ helpers
    def _opportunity_domain(self, territory=None, opportunity_type=None, mode=None):
        Opportunity = request.env["health.website.opportunity"]
        domain = list(Opportunity._health_public_domain())
        if territory:
            domain.append(("territory_id", "child_of", territory.id))
        if opportunity_type:
            domain.append(("opportunity_type", "=", opportunity_type))
        if mode:
            domain.append(("practice_mode", "=", mode))
        return domain

    def _map_markers(self, domain):
        """One marker per commune with its count of opportunities, placed
        by the commune's coordinates in the map's box (no tiles)."""
        groups = request.env["health.website.opportunity"]._read_group(
            domain, ["territory_id"], ["__count"]
        )
        communes = request.env["health.territory"].browse([t.id for t, _c in groups]).sudo()
        located = [
            (commune, count)
            for commune, count in zip(communes, (c for _t, c in groups), strict=True)
            if commune.latitude or commune.longitude
        ]
        if not located:
            return []
        lats = [c.latitude for c, _n in located]
        lons = [c.longitude for c, _n in located]
        lat_span = (max(lats) - min(lats)) or 1.0
        lon_span = (max(lons) - min(lons)) or 1.0
        width = MAP_WIDTH - 2 * MAP_MARGIN
        height = MAP_HEIGHT - 2 * MAP_MARGIN
        return [
            {
                "commune": commune,
                "count": count,
                "x": round(MAP_MARGIN + (commune.longitude - min(lons)) / lon_span * width, 1),
                "y": round(MAP_MARGIN + (max(lats) - commune.latitude) / lat_span * height, 1),
            }
            for commune, count in sorted(located, key=lambda item: item[0].name)
        ]

    def _filter_territories(self):
        """The EPCIs and communes that have published opportunities."""
        groups = request.env["health.website.opportunity"]._read_group(
            self._opportunity_domain(), ["territory_id"]
        )
        communes = request.env["health.territory"].browse([t.id for [t] in groups]).sudo()
        return communes | communes.parent_id.filtered(lambda t: t.territory_type == "epci")

    def _selection(self, field_name):
        Opportunity = request.env["health.website.opportunity"]
        return Opportunity._fields[field_name]._description_selection(request.env)

    def _form_values(self, opportunity=None, values=None, errors=None, params=None):
        """What the application form template needs."""
        Application = request.env["health.website.application"]
        params = params or {}
        utm = {
            key: params.get(key)
            or request.params.get(key)
            or request.httprequest.cookies.get(f"odoo_{key}", "")
            for key in UTM_PARAMS
        }
        Measure = request.env["health.toolbox.measure"].sudo()
        return {
            "accepts_applications": Application.sudo()._health_accepts_applications(),
            "form_opportunity": opportunity,
            "form_values": values or {},
            "form_params": params,
            "form_errors": errors or {},
            "form_token": Application._health_form_token(),
            "consent_text": Application._health_consent_text(),
            "candidate_types": Application._fields["candidate_type"]._description_selection(
                request.env
            ),
            "semesters": request.env["health.internship.semester"].sudo().search([], limit=6),
            "form_territories": request.env["health.territory"]
            .sudo()
            .search([("territory_type", "in", ("epci", "commune"))], order="complete_name"),
            "measures": Measure.search([]),
            "utm": utm,
        }

    # ------------------------------------------------------------ pages
    @http.route("/opportunites", type="http", auth="public", website=True, sitemap=True)
    def opportunities(self, territory=None, mode=None, page=1, **kw):
        Opportunity = request.env["health.website.opportunity"]
        territory_rec = None
        if territory and str(territory).isdigit():
            territory_rec = request.env["health.territory"].sudo().browse(int(territory)).exists()
        types = dict(self._selection("opportunity_type"))
        modes = dict(self._selection("practice_mode"))
        opportunity_type = kw.get("type") if kw.get("type") in types else None
        mode = mode if mode in modes else None
        domain = self._opportunity_domain(territory_rec, opportunity_type, mode)
        total = Opportunity.search_count(domain)
        page = int(page) if str(page).isdigit() and int(page) > 0 else 1
        pager = request.website.pager(
            url="/opportunites",
            total=total,
            page=page,
            step=PAGE_SIZE,
            url_args={
                key: value
                for key, value in (
                    ("territory", territory_rec and territory_rec.id),
                    ("type", opportunity_type),
                    ("mode", mode),
                )
                if value
            },
        )
        opportunities = Opportunity.search(domain, limit=PAGE_SIZE, offset=pager["offset"])
        return request.render(
            "health_website.opportunity_list_page",
            {
                "opportunities": opportunities.sudo(),
                "total": total,
                "pager": pager,
                "markers": self._map_markers(domain),
                "map_width": MAP_WIDTH,
                "map_height": MAP_HEIGHT,
                "territories": self._filter_territories(),
                "types": list(types.items()),
                "modes": list(modes.items()),
                "current_territory": territory_rec,
                "current_type": opportunity_type,
                "current_mode": mode,
            },
        )

    def _id_from_slug(self, slug):
        """The id at the end of ``name-12`` (or ``12``); the records are
        then searched with the visitor's rights, so that a record they may
        not read is simply not found (no access error in the log)."""
        match = SLUG_ID.search(slug or "")
        if not match:
            raise NotFound()
        return int(match.group(1))

    @http.route(
        "/opportunites/<string:slug>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def opportunity(self, slug, **kw):
        Opportunity = request.env["health.website.opportunity"]
        visible = Opportunity.search([("id", "=", self._id_from_slug(slug))])
        if not visible:
            raise NotFound()
        return self._render_opportunity(visible.sudo())

    def _render_opportunity(self, opportunity, values=None, errors=None, params=None):
        return request.render(
            "health_website.opportunity_page",
            {
                "opportunity": opportunity,
                "main_object": opportunity,
                **self._form_values(opportunity, values, errors, params),
            },
        )

    @http.route(
        "/territoires/<string:slug>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def territory(self, slug, **kw):
        territory = (
            request.env["health.territory"]
            .sudo()
            .search([("id", "=", self._id_from_slug(slug)), ("website_published", "=", True)])
        )
        if not territory:
            raise NotFound()
        Opportunity = request.env["health.website.opportunity"]
        opportunities = Opportunity.search(self._opportunity_domain(territory), limit=PAGE_SIZE)
        return request.render(
            "health_website.territory_page",
            {"territory": territory, "opportunities": opportunities.sudo()},
        )

    @http.route("/territoires", type="http", auth="public", website=True, sitemap=True)
    def territories(self, **kw):
        territories = (
            request.env["health.territory"].sudo().search([("website_published", "=", True)])
        )
        return request.render("health_website.territory_list_page", {"territories": territories})

    @http.route("/parcours", type="http", auth="public", website=True, sitemap=True)
    def support_path(self, **kw):
        measures = request.env["health.toolbox.measure"].sudo().search([])
        return request.render(
            "health_website.support_path_page",
            {"axes": measures.axis_id, "measures": measures},
        )

    @http.route("/candidature", type="http", auth="public", website=True, sitemap=True)
    def application(self, **kw):
        return request.render("health_website.application_page", self._form_values())

    @http.route(
        "/candidature/envoyer",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def application_submit(self, **post):
        params = {
            key: request.httprequest.form.getlist(key) if key in MULTI_PARAMS else value
            for key, value in post.items()
        }
        Application = request.env["health.website.application"].sudo()
        if not Application._health_accepts_applications():
            raise NotFound()
        record, values, errors = Application._health_process(
            params, request.httprequest.remote_addr
        )
        if errors:
            opportunity = (
                request.env["health.website.opportunity"]
                .sudo()
                .browse(values.get("opportunity_id") or [])
            )
            if opportunity:
                return self._render_opportunity(opportunity, values, errors, params)
            return request.render(
                "health_website.application_page",
                self._form_values(None, values, errors, params),
            )
        return request.redirect("/candidature/merci")

    @http.route("/candidature/merci", type="http", auth="public", website=True, sitemap=False)
    def application_thanks(self, **kw):
        return request.render("health_website.application_thanks_page", {})
