/** Saves text (or the pieces of a big one) as a file through the browser's download bar. */
export function download(fileName: string, text: string | readonly string[], type = 'application/json'): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(typeof text === 'string' ? [text] : [...text], { type }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
