// The scope page with JavaScript: "All of this group" ticks and clears its quality indicators and
// shows whether all of them are ticked; "Select all" and "Clear all" change the boxes without a round
// trip. Nothing is saved until "Save the scope", as without JavaScript.
export function initScope(root) {
    root.querySelectorAll('form[data-module="pif-scope"]').forEach((form) => {
        // The boxes are kept in step here, so the server reads the ticked quality indicators alone.
        form.querySelectorAll('input[name="GroupsShownWhole"]').forEach((input) => { input.disabled = true; });
        const groups = Array.from(form.querySelectorAll('.pif-scope-group')).map((fieldset) => ({
            box: fieldset.querySelector('[data-scope-group]'),
            qis: Array.from(fieldset.querySelectorAll('input[name="Qis"]')),
        }));
        const sync = (group) => {
            group.box.checked = group.qis.every((qi) => qi.checked);
        };

        groups.forEach((group) => {
            group.box.addEventListener('change', () => {
                group.qis.forEach((qi) => { qi.checked = group.box.checked; });
            });
            group.qis.forEach((qi) => qi.addEventListener('change', () => sync(group)));
        });
        form.querySelectorAll('[data-scope-select]').forEach((button) => {
            button.addEventListener('click', (event) => {
                event.preventDefault();
                const all = button.dataset.scopeSelect === 'all';
                groups.forEach((group) => {
                    group.qis.forEach((qi) => { qi.checked = all; });
                    sync(group);
                });
            });
        });
    });
}
