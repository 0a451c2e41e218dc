// Progressive enhancement only: every page works without this file.
import '../lib/sgds/scripts/design-system.js';
import { initCharacterCounts } from './character-count.js';
import { initExportProgress } from './export-progress.js';
import { initScope } from './scope.js';
import { initSessionTimeout } from './session-timeout.js';

document.body.classList.add('js-enabled');
// The menu's label says what it opens in data-controls, since HTML does not allow aria-controls on a label tied to a
// checkbox (the menu without JavaScript); the design system reads aria-controls when it swaps the label for a button.
document.querySelectorAll('label.js-toggle-menu[data-controls]').forEach((label) => label.setAttribute('aria-controls', label.dataset.controls));
window.DS.initAll();
initCharacterCounts(document);
initExportProgress(document);
initScope(document);
initSessionTimeout(document);
