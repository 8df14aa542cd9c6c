// The shared map of every role page: Leaflet on a plain light background (or the configured XYZ base map),
// a layer switcher for the overlays, a legend the overlays register into, a metric scale bar and popups
// with an attribute table. Leaflet is the global L from /webjars/leaflet/dist/leaflet.js.
import { getJSON } from './api.js';
import { onLanguageChange, t } from './i18n.js';

/** Escapes text for HTML (popups and tooltips are HTML strings). */
/** A new element with attributes (`class` sets the class name) and, if given, its text. */
export function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => (k === 'class' ? (e.className = v) : e.setAttribute(k, v)));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function escapeHtml(value) {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}

/**
 * The HTML of a popup: a title and a two-column attribute table.
 *
 * @param {string} title shown in bold above the table
 * @param {Array<[string, *]>} rows [i18n key of the label, value already formatted]
 */
export function attributeTable(title, rows) {
  const body = rows
    .map(([key, value]) => `<tr><th>${escapeHtml(t(key))}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  return `<div class="ga-popup"><div class="ga-popup-title">${escapeHtml(title)}</div>`
    + `<table class="ga-attr"><tbody>${body}</tbody></table></div>`;
}

/** The legend box (bottom right): one group per overlay, hidden while the overlay is switched off. */
const Legend = L.Control.extend({
  options: { position: 'bottomright' },

  initialize(options) {
    L.setOptions(this, options);
    this._groups = [];
  },

  onAdd() {
    this._div = L.DomUtil.create('div', 'ga-legend leaflet-bar');
    L.DomEvent.disableClickPropagation(this._div);
    L.DomEvent.disableScrollPropagation(this._div);
    this._render();
    return this._div;
  },

  /** entries: [{ key (i18n) or label (data text), fill, stroke, kind: 'area' | 'line' | 'dash' }] */
  register(titleKey, layer, entries) {
    this._groups.push({ titleKey, layer, entries });
    this._render();
  },

  _render() {
    if (!this._div) return;
    const map = this._map;
    const groups = this._groups.filter((g) => !map || map.hasLayer(g.layer));
    const html = groups.map((g) => {
      const items = g.entries.map((e) => {
        const style = `background:${e.fill ?? 'transparent'};border-color:${e.stroke ?? e.fill ?? '#666'}`;
        return `<li><span class="ga-swatch ga-swatch-${e.kind ?? 'area'}" style="${style}"></span>`
          + `<span>${escapeHtml(e.label ?? t(e.key))}</span></li>`;
      });
      // a group of one entry named like the group needs no heading (street boundary, communities)
      const single = g.entries.length === 1 && g.entries[0].key === g.titleKey;
      const title = single ? '' : `<div class="ga-legend-group-title">${escapeHtml(t(g.titleKey))}</div>`;
      const cols = g.entries.length > 5 ? ' class="ga-legend-cols"' : '';
      return `<div class="ga-legend-group">${title}<ul${cols}>${items.join('')}</ul></div>`;
    });
    this._div.innerHTML = `<div class="ga-legend-title">${escapeHtml(t('map.legend'))}</div>${html.join('')}`;
  },
});

/** A Leaflet map with the GridAtlas controls; overlays come in through addOverlay. */
export class GaMap {
  constructor(map, layersControl, legend, baseLayer) {
    this.map = map;
    this.layersControl = layersControl;
    this.legend = legend;
    this.baseLayer = baseLayer;
    this.overlays = [];
    this.openPopup = null;
    map.on('overlayadd overlayremove', () => legend._render());
    map.on('popupopen', (e) => (this.openPopup = e.popup));
    map.on('popupclose', (e) => this.openPopup === e.popup && (this.openPopup = null));
    onLanguageChange(() => this._relabel());
  }

  /**
   * Adds an overlay to the map (unless visible is false), the layer switcher and the legend.
   *
   * @param {{key: string, layer: L.Layer, legend?: Array, legendTitle?: string, visible?: boolean}} overlay key is
   *     the i18n key of its name, legendTitle the i18n key of its legend heading (default: its name)
   */
  addOverlay({ key, layer, legend = [], legendTitle = key, visible = true }) {
    if (visible) layer.addTo(this.map);
    this.overlays.push({ key, layer });
    this.layersControl.addOverlay(layer, t(key));
    if (legend.length) this.legend.register(legendTitle, layer, legend);
    return layer;
  }

  /** Fits the map to bounds (the street or the community), keeping them clear of the legend on the right. */
  fit(bounds, options = {}) {
    if (!bounds || !bounds.isValid()) return;
    const legendWidth = this.legend.getContainer()?.offsetWidth ?? 0;
    this.map.fitBounds(bounds, { padding: [16, 16], paddingBottomRight: [legendWidth + 16, 16], ...options });
  }

  _relabel() {
    if (this.baseLayer) {
      this.layersControl.removeLayer(this.baseLayer);
      this.layersControl.addBaseLayer(this.baseLayer, t('map.base'));
    }
    for (const { key, layer } of this.overlays) {
      this.layersControl.removeLayer(layer);
      this.layersControl.addOverlay(layer, t(key));
    }
    this.legend._render();
    // popup contents are functions of the feature: running them again gives the new language
    this.openPopup?.update();
  }
}

/**
 * Creates the map in the element with the given id: plain background unless GET /api/config names an XYZ
 * tile URL, the layer switcher (top right), the legend (bottom right) and a metric scale bar (bottom left).
 */
export async function createMap(elementId) {
  const config = await getJSON('api/config').catch(() => ({}));
  const map = L.map(elementId, { minZoom: 3, maxZoom: 19, zoomSnap: 0.5, zoomDelta: 1 });
  map.getContainer().classList.add('ga-map');
  map.setView([30, 120], 5);
  let baseLayer = null;
  if (config.tileUrl) {
    baseLayer = L.tileLayer(config.tileUrl, {
      attribution: config.tileAttribution ?? '',
      maxZoom: 19,
      maxNativeZoom: 18,
    }).addTo(map);
  } else {
    map.getContainer().classList.add('ga-map-plain');
  }
  const layersControl = L.control
    .layers(baseLayer ? { [t('map.base')]: baseLayer } : {}, {}, { collapsed: false, position: 'topright' })
    .addTo(map);
  const legend = new Legend().addTo(map);
  L.control.scale({ metric: true, imperial: false, maxWidth: 160 }).addTo(map);
  return new GaMap(map, layersControl, legend, baseLayer);
}
