// Progressive enhancement only: every page works without this file.
import '../lib/sgds/scripts/design-system.js';

document.body.classList.add('js-enabled');
window.DS.initAll();
