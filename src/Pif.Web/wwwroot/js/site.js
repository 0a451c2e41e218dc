// Progressive enhancement only: every page works without this file.
import '../lib/sgds/scripts/design-system.js';
import { initCharacterCounts } from './character-count.js';

document.body.classList.add('js-enabled');
window.DS.initAll();
initCharacterCounts(document);
