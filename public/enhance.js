// Progressive enhancement for question forms: submit without a full page jump and move focus to
// the feedback. Without this file everything works as a plain form post. Holds no answer data.
(() => {
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.enhance !== 'question') return;
    event.preventDefault();
    const section = form.closest('section.question');
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'follow', credentials: 'same-origin' });
      const html = await response.text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const fresh = section && doc.getElementById(section.id);
      if (!response.ok || !fresh || !response.redirected) {
        form.submit(); // let the server's own page explain the problem
        return;
      }
      section.replaceWith(fresh);
      history.replaceState(null, '', response.url);
      const target = fresh.querySelector('.feedback, .toets-saved, fieldset legend, h1, h2, h3');
      if (target) {
        target.setAttribute('tabindex', '-1');
        target.focus();
      }
      // Progress, score and completion notices on the page follow the new answer.
      for (const stale of document.querySelectorAll('[data-refresh][id]')) {
        const update = doc.getElementById(stale.id);
        if (update) stale.replaceWith(update);
      }
    } catch {
      form.submit();
    } finally {
      if (button) button.disabled = false;
    }
  });
})();
