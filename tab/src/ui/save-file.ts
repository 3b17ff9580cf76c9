/**
 * Hands a downloaded file to the browser to save. The name is chosen by the caller and never holds a
 * child's name: a case reference or the word "record" only.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled, so the save has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function saveJson(value: unknown, fileName: string): void {
  saveFile(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), fileName);
}
