import { vi } from 'vitest';

/** Files saved through `download()`: the name, the type and the text, in order. */
export function captureDownloads() {
  const files: Array<{ name: string; type: string; text: () => Promise<string> }> = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!;
    files.push({ name: this.download, type: blob.type, text: () => blob.text() });
  });
  return files;
}
