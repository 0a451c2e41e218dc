// The design system's character count, counting characters as a person sees them: a line break is one,
// an emoji is one (graphemes), as the server counts them (Pif.Web.Infrastructure.Texts). The design
// system's own component counts UTF-16 units, so an emoji would count as two there.
const segmenter = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });
const format = new Intl.NumberFormat('en-GB');

function count(text) {
    return Array.from(segmenter.segment(text)).length;
}

function message(remaining) {
    const n = Math.abs(remaining);
    const noun = n === 1 ? 'character' : 'characters';
    return remaining < 0 ? `You have ${format.format(n)} ${noun} too many` : `You have ${format.format(n)} ${noun} remaining`;
}

export function initCharacterCounts(root) {
    root.querySelectorAll('[data-module="pif-character-count"]:not(.js-instantiated)').forEach((field) => {
        const input = field.querySelector('textarea, input');
        const limitHint = field.querySelector('.pif-character-count__limit');
        const max = Number(field.dataset.maxlength);
        if (!input || !limitHint || !max) {
            return;
        }

        // The stated limit stays in aria-describedby (read with the field) but gives way to the live count on screen.
        limitHint.classList.add('fully-hidden');
        const visible = document.createElement('div');
        visible.className = 'ds_input__message ds_hint-text';
        visible.setAttribute('aria-hidden', 'true');
        const spoken = document.createElement('div');
        spoken.className = 'visually-hidden';
        spoken.setAttribute('aria-live', 'polite');
        field.append(visible, spoken);
        const startsInvalid = input.classList.contains('ds_input--error');
        let timer = 0;
        let last = null;

        const update = () => {
            if (input.value === last) {
                return;
            }

            last = input.value;
            const remaining = max - count(input.value);
            visible.textContent = input.value.length === 0 ? limitHint.textContent : message(remaining);
            visible.classList.toggle('ds_input__message--error', remaining < 0);
            input.classList.toggle('ds_input--error', remaining < 0 || startsInvalid);
            clearTimeout(timer);
            // Announced after a pause, so a screen reader reads what was typed first.
            timer = window.setTimeout(() => { spoken.textContent = visible.textContent; }, 1000);
        };

        update();
        spoken.textContent = '';
        input.addEventListener('input', update);
        field.classList.add('js-instantiated');
    });
}
