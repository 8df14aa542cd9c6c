// The grid chief's page (网格长): the grids of the chief's community, their coverage against the norm, the
// coverage faults and the workload ranking of the full-time workers (coverage.js).
import { addCoverage } from './coverage.js';
import { GridTable } from './grid-table.js';
import { addBaseOverlays } from './layers.js';
import { createMap } from './map.js';
import { initShell } from './shell.js';

const me = await initShell('chief');
document.getElementById('scope-name').textContent = me.scopeName ?? '';
const gaMap = await createMap('map');
const overlays = await addBaseOverlays(gaMap, me);
const table = new GridTable(document.getElementById('grid-panel'), overlays.grids, me.scopeName);
const coverage = await addCoverage(gaMap, overlays, document.getElementById('coverage-panel'), me);
document.body.dataset.ready = 'true';

export { me, gaMap, overlays, table, coverage };
