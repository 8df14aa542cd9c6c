// The planner's page (规划): the published grids with their table, and the boundary plan editor (drafts,
// edits with their impact, rule checks, undo/redo, compare, publish), the plan's particulars and edit history,
// and the balanced-proposal dialog.
import { GridTable } from './grid-table.js';
import { addBaseOverlays } from './layers.js';
import { createMap } from './map.js';
import { PlanDetails } from './plan-details.js';
import { PlanEditor } from './plan-editor.js';
import { ProposalDialog } from './proposal.js';
import { PlanImport } from './plan-import.js';
import { initShell } from './shell.js';

const me = await initShell('planner');
document.getElementById('scope-name').textContent = me.scopeName ?? '';
const gaMap = await createMap('map');
const overlays = await addBaseOverlays(gaMap, me);
const table = new GridTable(document.getElementById('grid-panel'), overlays.grids, me.scopeName);
const editor = new PlanEditor(document.getElementById('plan-editor'), gaMap, me, overlays.grids);
const details = new PlanDetails(document.getElementById('plan-details-box'), me, editor);
await editor.loadPlans();
const planImport = new PlanImport(document.getElementById('plan-import-box'), me, (id) => editor.loadPlans(id), () => editor.plan);
const proposals = new ProposalDialog(document.getElementById('proposal-opener'), gaMap, me, editor);
// for the browser test: the map and the editor's selection
window.gaPlanner = { map: gaMap.map, editor, proposals, editorSelectedBounds: () => editor.selected?.getBounds() };
document.body.dataset.ready = 'true';

export { me, gaMap, overlays, table, editor, details, planImport, proposals };
