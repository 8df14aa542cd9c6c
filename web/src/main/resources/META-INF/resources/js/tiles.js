// Dense layers as vector tiles (GET /api/tiles/{layer}/{z}/{x}/{y}.mvt) drawn by Leaflet.VectorGrid on canvas:
// a city's incidents cannot travel as one GeoJSON. Below zoom 16 the server sends counts per cell, drawn as
// circles growing with the count; from zoom 16 one dot per incident.
const INCIDENT_FILL = '#d9480f';

function radius(count) {
  return Math.min(12, 2 + Math.sqrt(count));
}

/**
 * Adds the incident vector-tile overlay to the map (hidden until switched on in the layer switcher).
 *
 * @param {import('./map.js').GaMap} gaMap the page's map
 * @returns {L.Layer} the overlay
 */
export function addIncidentTiles(gaMap) {
  const layer = L.vectorGrid.protobuf('api/tiles/incidents/{z}/{x}/{y}.mvt', {
    rendererFactory: L.canvas.tile,
    pane: 'overlayPane',
    interactive: false,
    maxNativeZoom: 18,
    fetchOptions: { credentials: 'same-origin' },
    vectorTileLayerStyles: {
      incidents: (p) => ({
        radius: radius(p.count ?? 1),
        fill: true,
        fillColor: INCIDENT_FILL,
        fillOpacity: 0.55,
        color: INCIDENT_FILL,
        weight: 0.5,
      }),
    },
  });
  layer.on('load', () => (gaMap.map.getContainer().dataset.incidentTiles = 'loaded'));
  return gaMap.addOverlay({
    key: 'layer.incidentTiles',
    layer,
    visible: false,
    legend: [{ key: 'legend.incidentTiles', fill: INCIDENT_FILL, stroke: INCIDENT_FILL }],
  });
}
