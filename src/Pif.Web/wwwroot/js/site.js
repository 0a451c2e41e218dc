// Progressive enhancement only: every page works without this file.
import '../lib/sgds/scripts/design-system.js';
import { initCharacterCounts } from './character-count.js';
import { initExportProgress } from './export-progress.js';
import { initScope } from './scope.js';
import { initSessionTimeout } from './session-timeout.js';

document.body.classList.add('js-enabled');
window.DS.initAll();
initCharacterCounts(document);
initExportProgress(document);
initScope(document);
initSessionTimeout(document);
