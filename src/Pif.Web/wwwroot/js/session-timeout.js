// The session-timeout warning. The server says how long the session has left; before it ends the
// dialog offers to stay signed in. Asking again first means another tab's activity is counted.
const session = '/session';
const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

// What the server says is left: { secondsLeft, endsAtLifetime }, null when signed out, undefined when it cannot be asked.
async function ask(method, body) {
    try {
        const response = await fetch(session, { method, body, headers, credentials: 'same-origin', redirect: 'manual' });
        if (!response.ok) {
            return undefined;
        }
        const answer = await response.json();
        return answer.signedIn ? answer : null;
    } catch {
        return undefined;
    }
}

function inWords(seconds) {
    if (seconds >= 60) {
        const minutes = Math.ceil(seconds / 60);
        return minutes === 1 ? '1 minute' : `${minutes} minutes`;
    }
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

export function initSessionTimeout(scope) {
    const dialog = scope.querySelector('[data-module="pif-session-timeout"]');
    if (!dialog || typeof dialog.showModal !== 'function') {
        return;
    }

    const warnSeconds = Number(dialog.dataset.warnSeconds);
    const title = dialog.querySelector('#session-timeout-title');
    const count = dialog.querySelector('.pif-timeout__count');
    const announce = dialog.querySelector('.pif-timeout__announce');
    let endsAt = Date.now() + Number(dialog.dataset.secondsLeft) * 1000;
    let state = 'waiting';
    let timer;

    const show = (next) => {
        state = next;
        title.textContent = title.dataset[next];
        for (const element of dialog.querySelectorAll('[data-state]')) {
            element.hidden = !element.dataset.state.split(' ').includes(next);
        }
        if (!dialog.open) {
            dialog.showModal();
        }
    };

    const secondsLeft = () => Math.max(0, Math.round((endsAt - Date.now()) / 1000));

    const ended = () => {
        clearTimeout(timer);
        show('ended');
        dialog.querySelector('.pif-timeout__close').focus();
    };

    const tick = () => {
        const left = secondsLeft();
        if (left <= 0) {
            ended();
            return;
        }
        count.textContent = inWords(left);
        // Screen readers hear the time now and then, not every second.
        if (left % 60 === 0 || left === 30 || left === 10 || announce.textContent === '') {
            announce.textContent = `You will be signed out in ${inWords(left)}.`;
        }
        timer = setTimeout(tick, 1000);
    };

    const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(check, Math.max(0, endsAt - warnSeconds * 1000 - Date.now()));
    };

    const check = async () => {
        const answer = await ask('GET');
        if (answer === null) {
            ended();
            return;
        }
        if (answer) {
            endsAt = Date.now() + answer.secondsLeft * 1000;
        }
        if (secondsLeft() > warnSeconds) {
            schedule();
            return;
        }
        announce.textContent = '';
        show(answer?.endsAtLifetime ? 'lifetime' : 'warning');
        tick();
    };

    const stay = async () => {
        const answer = await ask('POST', new FormData(dialog.querySelector('.pif-timeout__stay')));
        if (answer === null) {
            ended();
            return;
        }
        if (answer) {
            endsAt = Date.now() + answer.secondsLeft * 1000;
        }
        state = 'waiting';
        dialog.close();
        schedule();
    };

    dialog.querySelector('.pif-timeout__stay').addEventListener('submit', (event) => {
        event.preventDefault();
        stay();
    });
    dialog.querySelector('.pif-timeout__close').addEventListener('click', () => dialog.close());
    // Escape while warned means "stay signed in", as closing the warning any other way does.
    dialog.addEventListener('cancel', (event) => {
        if (state === 'warning') {
            event.preventDefault();
            stay();
        }
    });
    schedule();
}
