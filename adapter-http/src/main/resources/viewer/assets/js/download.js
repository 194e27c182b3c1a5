// The download button of a table or chart widget (docs/viewer.md, downloads): shown only when
// the resolve answer says `downloads: true`, it exports the widget with the filters as they are
// now and saves the CSV under the server's file name. What happens is said to screen readers:
// the button is busy while the file is prepared, and the outcome is announced.
import { h, announce } from './dom.js';

export const DOWNLOADABLE = new Set(['table', 'bar', 'line', 'pie']);

/**
 * @param head the widget's {slug, title, visualization}
 * @param download (slug) => Promise<{blob, filename}>, or null when the filters cannot be sent now
 *   (the caller has already said why)
 */
export function createDownloadButton(head, download) {
  const status = h('span', { class: 'widget-download-status', role: 'status' });
  const button = h('button', {
    type: 'button',
    class: 'button button--quiet widget-download',
    'aria-label': `Download ${head.title} as CSV`,
    dataset: { download: head.slug },
  }, 'Download CSV');
  const element = h('div', { class: 'widget-actions' }, button, status);

  async function start() {
    const pending = download(head.slug);
    if (!pending) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    status.textContent = '';
    announce(`Preparing ${head.title} as a CSV file…`);
    try {
      const { blob, filename } = await pending;
      const name = filename || `${head.slug}.csv`;
      save(blob, name);
      announce(`${head.title} downloaded as ${name}.`);
    } catch (e) {
      status.textContent = e.message || 'The download failed.';
      announce(`The download of ${head.title} failed: ${e.message || 'try again.'}`);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }

  button.addEventListener('click', start);
  return { element, button };
}

/** Hands the file to the browser's downloads, then frees it (the console's CSV downloads too). */
export function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download, not before.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
