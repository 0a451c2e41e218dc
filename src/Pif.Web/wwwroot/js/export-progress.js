// An export being made: without JavaScript the page refreshes itself every few seconds; with it, the status is read
// every second and a half and the page reloads once the export is done or has failed, so the download link appears.
export function initExportProgress(root) {
  const status = root.querySelector('[data-pif-export-status]');
  if (!status) {
    return;
  }

  const poll = async () => {
    try {
      const response = await fetch(status.dataset.pifExportStatus, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const job = await response.json();
        if (job.state === 'Done' || job.state === 'Failed') {
          window.location.reload();
          return;
        }

        status.textContent = job.text;
      }
    } catch {
      // A missed poll is tried again on the next turn.
    }

    window.setTimeout(poll, 1500);
  };
  window.setTimeout(poll, 1500);
}
