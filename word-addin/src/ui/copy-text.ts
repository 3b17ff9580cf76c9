/**
 * Copies text for pasting elsewhere. Office's web views do not always grant the async clipboard, so
 * the older select-and-copy route is the fallback.
 */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  try {
    if (doc.defaultView?.navigator.clipboard) {
      await doc.defaultView.navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // Permission refused: fall through to the selection route.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  const copied = doc.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('The browser did not allow copying.');
}
