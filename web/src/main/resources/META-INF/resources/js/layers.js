// The base overlays of every role page, all limited to the user's scope by the API: the street outline,
// communities (outlined, named), grids (labelled with name and code from zoom 16, popup with their figures)
// and buildings (vector tiles filled by type, popup with their attributes).
import { getJSON } from './api.js';
import { attributeTable, escapeHtml } from './map.js';
import { formatNumber, t } from './i18n.js';

/** The server sends building footprints from this zoom (TileService.BUILDING_MIN_ZOOM). */
export const BUILDING_TILE_MIN_ZOOM = 13;

/** Grid labels are readable from this zoom; below it they are hidden. */
export const GRID_LABEL_MIN_ZOOM = 16;

/** Building fill by type (building.type in the schema), in legend order. */
export const BUILDING_TYPES = [
  { type: 'old', fill: '#d9822b', stroke: '#9c5a16' },
  { type: 'commercial', fill: '#4a7fc1', stroke: '#2e5a92' },
  { type: 'resettlement', fill: '#8e6bbf', stroke: '#64468f' },
  { type: 'public_rental', fill: '#3fa37a', stroke: '#277553' },
  { type: 'other', fill: '#9aa0a6', stroke: '#6b7075' },
];

/** Light fills for the grids, one per community in code order. */
const COMMUNITY_FILLS = ['#a6cee3', '#b2df8a', '#fdbf6f', '#cab2d6', '#fb9a99', '#ffff99', '#8dd3c7', '#bebada'];

const STREET_STYLE = { color: '#b03a48', weight: 3, dashArray: '10 6', fill: false, interactive: false };
const COMMUNITY_STYLE = { color: '#34495e', weight: 2.2, dashArray: '6 4', fill: false, interactive: false };
const GRID_STROKE = '#4f5b66';
const SELECTED_STYLE = { color: '#e8590c', weight: 4, fillOpacity: 0.5 };

/** GET every feature of a layer, following offset paging when the server holds more than one page. */
export async function getAllFeatures(url, pageSize = 10000) {
  const features = [];
  const sep = url.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += pageSize) {
    const page = await getJSON(`${url}${sep}limit=${pageSize}&offset=${offset}`);
    features.push(...(page.features ?? []));
    const matched = page.numberMatched ?? features.length;
    if (!page.features?.length || features.length >= matched) break;
  }
  return { type: 'FeatureCollection', features };
}

function pane(map, name, zIndex) {
  const p = map.getPane(name) ?? map.createPane(name);
  p.style.zIndex = String(zIndex);
  // only the interactive paths inside take clicks, so stacked panes do not hide each other
  p.style.pointerEvents = 'none';
  return name;
}

function gridPopup(p) {
  return attributeTable(p.name, [
    ['field.code', p.code],
    ['field.name', p.name],
    ['field.community', p.community_name ?? p.community_code],
    ['field.buildings', formatNumber(p.buildings)],
    ['field.households', formatNumber(p.households)],
    ['field.residents', formatNumber(p.residents)],
    ['field.area', formatNumber(p.area_m2)],
  ]);
}

function buildingPopup(p) {
  const lift = p.has_elevator === true ? t('value.yes') : p.has_elevator === false ? t('value.no') : '';
  return attributeTable(p.address, [
    ['field.address', p.address],
    ['field.compound', p.compound ?? ''],
    ['field.type', t(`building.${p.type}`)],
    ['field.floors', formatNumber(p.floors)],
    ['field.households', formatNumber(p.households)],
    ['field.residents', formatNumber(p.residents)],
    ['field.lift', lift],
  ]);
}

function gridLabel(p) {
  return `<span class="ga-grid-label-name">${escapeHtml(p.name)}</span>`
    + `<span class="ga-grid-label-code">${escapeHtml(p.code)}</span>`;
}

function communityColors(communities) {
  const codes = communities.features.map((f) => f.properties.code).sort();
  return new Map(codes.map((code, i) => [code, COMMUNITY_FILLS[i % COMMUNITY_FILLS.length]]));
}

/** The grids overlay with selection: select(code) highlights a grid, tells the listeners, may zoom to it. */
class GridOverlay {
  constructor(map, collection, fills) {
    this.map = map;
    this.features = collection.features;
    this.byCode = new Map();
    this.listeners = [];
    this.selected = null;
    this.layer = L.geoJSON(collection, {
      pane: pane(map, 'ga-grids', 410),
      style: (f) => ({
        className: 'ga-grid',
        color: GRID_STROKE,
        weight: 1.2,
        fillColor: fills.get(f.properties.community_code) ?? COMMUNITY_FILLS[0],
        fillOpacity: 0.35,
      }),
      onEachFeature: (f, layer) => {
        this.byCode.set(f.properties.code, layer);
        layer.bindPopup(() => gridPopup(f.properties), { maxWidth: 320 });
        layer.bindTooltip(gridLabel(f.properties), {
          permanent: true,
          direction: 'center',
          className: 'ga-grid-label',
        });
        layer.on('click', () => this.select(f.properties.code));
        layer.on('add', () => {
          layer.getElement()?.setAttribute('data-code', f.properties.code);
        });
      },
    });
  }

  onSelect(fn) {
    this.listeners.push(fn);
  }

  /** Highlights the grid; with zoom, fits the map to it and opens its popup. */
  select(code, { zoom = false } = {}) {
    const layer = this.byCode.get(code);
    if (!layer) return;
    if (this.selected && this.selected !== layer) this.layer.resetStyle(this.selected);
    this.selected = layer;
    layer.setStyle(SELECTED_STYLE);
    if (this.map.hasLayer(layer)) layer.bringToFront();
    if (zoom) {
      if (!this.map.hasLayer(this.layer)) this.layer.addTo(this.map);
      // the whole grid when it fits, but never so far out that the grid labels are hidden
      const fit = this.map.getBoundsZoom(layer.getBounds(), false, L.point(80, 80));
      const zoom = Math.min(Math.max(fit, GRID_LABEL_MIN_ZOOM), GRID_LABEL_MIN_ZOOM + 1);
      this.map.setView(layer.getBounds().getCenter(), zoom, { animate: false });
      // opened at the label point, lifted so that the grid's own label stays readable below it
      L.popup({ maxWidth: 320, offset: [0, -16] })
        .setLatLng(layer.getCenter())
        .setContent(() => gridPopup(layer.feature.properties))
        .openOn(this.map);
    }
    this.listeners.forEach((fn) => fn(code));
  }
}

/**
 * Buildings as vector tiles (GET /api/tiles/buildings/{z}/{x}/{y}.mvt, from zoom 13), drawn by Leaflet.VectorGrid on
 * canvas: a city's footprints cannot travel as one GeoJSON. The canvas takes no clicks (it would hide the grids
 * below it); a click is answered by {@link buildingAt} instead.
 */
function buildingsLayer(map) {
  const byType = new Map(BUILDING_TYPES.map((b) => [b.type, b]));
  const layer = L.vectorGrid.protobuf('api/tiles/buildings/{z}/{x}/{y}.mvt', {
    rendererFactory: L.canvas.tile,
    pane: pane(map, 'ga-buildings', 420),
    interactive: false,
    minZoom: BUILDING_TILE_MIN_ZOOM,
    maxNativeZoom: 18,
    fetchOptions: { credentials: 'same-origin' },
    vectorTileLayerStyles: {
      buildings: (p) => {
        const b = byType.get(p.type) ?? byType.get('other');
        return { fill: true, color: b.stroke, weight: 0.6, fillColor: b.fill, fillOpacity: 0.85 };
      },
    },
  });
  layer.on('load', () => (map.getContainer().dataset.buildingTiles = 'loaded'));
  return layer;
}

/** Even-odd test of a [lng, lat] point against the rings of a GeoJSON Polygon or MultiPolygon. */
export function containsPoint(geometry, [x, y]) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

/** The building whose footprint holds the point (GET /api/buildings around it), or null. */
export async function buildingAt(latlng) {
  const d = 1e-6;
  const fc = await getJSON(`api/buildings?bbox=${latlng.lng - d},${latlng.lat - d},${latlng.lng + d},${latlng.lat + d}&limit=20`);
  return (fc.features ?? []).find((f) => containsPoint(f.geometry, [latlng.lng, latlng.lat])) ?? null;
}

/** A click on a building (over a grid or not) opens the building's popup while the buildings layer is shown. */
function popupBuildingsOnClick(map, buildings, grids) {
  const show = async (e) => {
    if (!map.hasLayer(buildings) || map.getZoom() < BUILDING_TILE_MIN_ZOOM) return;
    const found = await buildingAt(e.latlng);
    if (found) {
      L.popup({ maxWidth: 320, className: 'ga-building-popup' })
        .setLatLng(e.latlng)
        .setContent(buildingPopup(found.properties))
        .openOn(map);
    }
  };
  map.on('click', show);
  grids.on('click', show);
}

function communitiesLayer(map, collection) {
  return L.geoJSON(collection, {
    pane: pane(map, 'ga-communities', 430),
    style: () => ({ ...COMMUNITY_STYLE, className: 'ga-community' }),
    onEachFeature: (f, layer) =>
      layer.bindTooltip(escapeHtml(f.properties.name), {
        permanent: true,
        direction: 'center',
        className: 'ga-community-label',
      }),
  });
}

// Grid labels show from GRID_LABEL_MIN_ZOOM; there they take over from the community names.
function toggleLabelsByZoom(map, gridLayer) {
  const container = map.getContainer();
  const update = () => {
    const gridLabels = map.getZoom() >= GRID_LABEL_MIN_ZOOM;
    container.classList.toggle('ga-grid-labels-hidden', !gridLabels);
    container.classList.toggle('ga-community-labels-hidden', gridLabels && map.hasLayer(gridLayer));
  };
  map.on('zoomend overlayadd overlayremove', update);
  update();
}

function scopeBounds(me, street, communities, grids) {
  if (me.communityCode) {
    const own = communities.getLayers().filter((l) => l.feature.properties.code === me.communityCode);
    if (own.length) return L.featureGroup(own).getBounds();
    if (grids.getLayers().length) return grids.getBounds();
  }
  if (street.getLayers().length) return street.getBounds();
  return grids.getBounds();
}

/**
 * Loads the base overlays of the user's scope into the map, fits the map to the scope and returns them.
 *
 * @param {import('./map.js').GaMap} gaMap the page's map
 * @param {{communityCode: string|null}} me the signed-in user (GET /api/me)
 * @returns {Promise<{street: L.GeoJSON, communities: L.GeoJSON, grids: GridOverlay, buildings: L.VectorGrid}>}
 */
export async function addBaseOverlays(gaMap, me) {
  const map = gaMap.map;
  const [streetFc, communityFc, gridFc] = await Promise.all([
    getAllFeatures('api/streets'),
    getAllFeatures('api/communities'),
    getAllFeatures('api/grids'),
  ]);
  const fills = communityColors(communityFc);
  const street = L.geoJSON(streetFc, {
    pane: pane(map, 'ga-street', 440),
    style: () => ({ ...STREET_STYLE, className: 'ga-street' }),
  });
  const communities = communitiesLayer(map, communityFc);
  const grids = new GridOverlay(map, gridFc, fills);
  const buildings = buildingsLayer(map);

  gaMap.addOverlay({ key: 'layer.street', layer: street, legend: [{ key: 'layer.street', stroke: STREET_STYLE.color, kind: 'dash' }] });
  gaMap.addOverlay({
    key: 'layer.communities',
    layer: communities,
    legend: [{ key: 'layer.communities', stroke: COMMUNITY_STYLE.color, kind: 'dash' }],
  });
  gaMap.addOverlay({
    key: 'layer.grids',
    layer: grids.layer,
    legendTitle: 'legend.gridsByCommunity',
    legend: communityFc.features
      .map((f) => f.properties)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => ({ label: c.name, fill: fills.get(c.code), stroke: GRID_STROKE })),
  });
  gaMap.addOverlay({
    key: 'layer.buildings',
    layer: buildings,
    legend: BUILDING_TYPES.map((b) => ({ key: `building.${b.type}`, fill: b.fill, stroke: b.stroke })),
  });
  gaMap.fit(scopeBounds(me, street, communities, grids.layer));
  toggleLabelsByZoom(map, grids.layer);
  popupBuildingsOnClick(map, buildings, grids.layer);
  return { street, communities, grids, buildings };
}
