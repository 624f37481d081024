/* global L */
import {MapController} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_controller.esm";
import {MapRenderer} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_renderer.esm";
import {leafletMapView} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_view.esm";
import {onWillUpdateProps} from "@odoo/owl";
import {registry} from "@web/core/registry";

/**
 * The OCA leaflet map, with what the observatory needs:
 * - records reloaded when the search (filters, search panel) changes;
 * - no tile layer when no tile server is configured (machines without internet);
 * - with ``field_colour``: one shape per record instead of a marker, given by
 *   the model (``get_map_records``): the commune's outline filled with its
 *   colour, or a coloured circle at its centre when it has no outline; and a
 *   legend read from the model (``get_map_legend``).
 */
export class ObservatoryMapRenderer extends MapRenderer {
    setup() {
        super.setup();
        const attrs = this.props.archInfo.arch.attributes;
        this.fieldColour = attrs.field_colour?.value;
        this.recordLimit = parseInt(attrs.limit?.value, 10) || 5000;
        onWillUpdateProps(async (nextProps) => {
            await this.loadRecords(nextProps);
        });
    }

    async loadRecords(props = this.props) {
        const fields = this.getFields();
        if (this.fieldColour) {
            this.records = await this.orm.call(
                props.resModel,
                "get_map_records",
                [props.domain || [], fields, this.fieldColour],
                {limit: this.recordLimit, context: props.context || {}}
            );
        } else {
            this.records = await this.orm.searchRead(
                props.resModel,
                props.domain || [],
                fields,
                {
                    limit: this.recordLimit,
                    context: props.context || {},
                }
            );
        }
        if (this.fieldColour && !this.legend) {
            this.legend = await this.orm.call(this.props.resModel, "get_map_legend", [
                this.fieldColour,
            ]);
        }
    }

    getFields() {
        const fields = super.getFields().filter((name) => name !== "date_localization");
        if (this.fieldColour) {
            fields.push(this.fieldColour);
        }
        return fields;
    }

    initMap() {
        const tileUrl = this.leafletTileUrl;
        if (!tileUrl) {
            // No tile server: the map shows the shipped coordinates only.
            this.leafletTileUrl = null;
            this.leafletMap = L.map(this.mapRef.el, {zoomSnap: this.zoomSnap}).setView(
                this.defaultLatLng,
                this.defaultZoom
            );
        } else {
            super.initMap();
        }
        if (this.legend) {
            this.addLegend();
        }
    }

    addLegend() {
        const legend = L.control({position: "bottomright"});
        const items = this.legend;
        legend.onAdd = () => {
            const div = L.DomUtil.create("div", "o_health_observatory_legend");
            for (const item of items) {
                const row = L.DomUtil.create("div", "o_health_observatory_legend_item", div);
                const swatch = L.DomUtil.create("span", "o_health_observatory_swatch", row);
                swatch.style.backgroundColor = item.colour;
                swatch.dataset.colour = item.colour;
                const label = L.DomUtil.create("span", "ms-1", row);
                label.textContent = item.label;
            }
            return div;
        };
        legend.addTo(this.leafletMap);
    }

    renderMarkers() {
        if (this.mainLayer) {
            this.leafletMap.removeLayer(this.mainLayer);
        }
        // The marker-cluster plugin is not always shipped with the leaflet library.
        this.mainLayer =
            !this.fieldColour && L.markerClusterGroup
                ? L.markerClusterGroup()
                : L.featureGroup();
        if (this.fieldColour) {
            this.addShapes();
        } else {
            for (const record of this.records) {
                const marker = this.prepareMarker(record);
                if (marker) {
                    this.mainLayer.addLayer(marker);
                }
            }
        }
        const bounds = this.mainLayer.getBounds();
        if (bounds.isValid()) {
            this.leafletMap.fitBounds(bounds.pad(0.1));
        }
        this.leafletMap.addLayer(this.mainLayer);
    }

    /**
     * The outlines first, then the circles, so that a commune drawn as a
     * circle is never hidden under a neighbour's outline.
     */
    addShapes() {
        const shapes = this.records.filter((record) => record.shape);
        for (const record of shapes.filter((r) => r.shape.kind === "polygon")) {
            this.addShape(
                record,
                L.geoJSON(record.shape.geometry, {
                    ...this.shapeStyle(record, "polygon"),
                    fillOpacity: 0.7,
                })
            );
        }
        for (const record of shapes.filter((r) => r.shape.kind === "circle")) {
            this.addShape(
                record,
                L.circleMarker(record.shape.latlng, {
                    ...this.shapeStyle(record, "circle"),
                    radius: 7,
                    fillOpacity: 0.85,
                })
            );
        }
    }

    shapeStyle(record, kind) {
        return {
            color: "#424242",
            weight: 1,
            fillColor: record.shape.colour,
            className: `o_health_observatory_${kind} o_health_observatory_${kind}_${record.id}`,
        };
    }

    addShape(record, layer) {
        layer.bindTooltip(record[this.fieldTitle] || "");
        layer.on("click", () => this.onClickLeafletPopup(record));
        this.mainLayer.addLayer(layer);
    }
}

export class ObservatoryMapController extends MapController {
    static components = {...MapController.components, MapRenderer: ObservatoryMapRenderer};
}

registry.category("views").add("health_observatory_map", {
    ...leafletMapView,
    Controller: ObservatoryMapController,
    Renderer: ObservatoryMapRenderer,
    props: (genericProps, view) => ({
        ...leafletMapView.props(genericProps, view),
        Renderer: ObservatoryMapRenderer,
    }),
});
