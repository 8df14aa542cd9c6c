// The planner's page (规划): the grids of the published plan over the street, as the starting point of
// boundary plan editing (drafts, topology checks, impact, publish) that later versions add here.
import { GridTable } from './grid-table.js';
import { addBaseOverlays } from './layers.js';
import { createMap } from './map.js';
import { initShell } from './shell.js';

const me = await initShell('planner');
document.getElementById('scope-name').textContent = me.scopeName ?? '';
const gaMap = await createMap('map');
const overlays = await addBaseOverlays(gaMap, me);
const table = new GridTable(document.getElementById('grid-panel'), overlays.grids, me.scopeName);
document.body.dataset.ready = 'true';

export { me, gaMap, overlays, table };
