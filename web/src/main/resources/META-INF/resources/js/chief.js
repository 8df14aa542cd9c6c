// The grid chief's page (网格长): the grids of the chief's community; coverage and workload per worker
// are added here by later versions.
import { GridTable } from './grid-table.js';
import { addBaseOverlays } from './layers.js';
import { createMap } from './map.js';
import { initShell } from './shell.js';

const me = await initShell('chief');
document.getElementById('scope-name').textContent = me.scopeName ?? '';
const gaMap = await createMap('map');
const overlays = await addBaseOverlays(gaMap, me);
const table = new GridTable(document.getElementById('grid-panel'), overlays.grids, me.scopeName);
document.body.dataset.ready = 'true';

export { me, gaMap, overlays, table };
