// The supervisor's page (督办/指挥中心): the grids of the street, the incident heat map with hot spots, and the
// response / resolution / satisfaction rates (heatmap.js).
import { GridTable } from './grid-table.js';
import { addHeatmap } from './heatmap.js';
import { addBaseOverlays } from './layers.js';
import { createMap } from './map.js';
import { initShell } from './shell.js';
import { addIncidentTiles } from './tiles.js';

const me = await initShell('supervisor');
document.getElementById('scope-name').textContent = me.scopeName ?? '';
const gaMap = await createMap('map');
const overlays = await addBaseOverlays(gaMap, me);
const incidentTiles = addIncidentTiles(gaMap);
const table = new GridTable(document.getElementById('grid-panel'), overlays.grids, me.scopeName);
const heatmap = await addHeatmap(gaMap, overlays.grids, document.getElementById('heatmap-panel'));
window.gaSupervisorMap = gaMap.map; // lets the browser tests go to a known point
document.body.dataset.ready = 'true';

export { me, gaMap, overlays, table, heatmap, incidentTiles };
