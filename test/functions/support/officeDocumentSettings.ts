/**
 * `Office.context.document.settings` as Microsoft documents Office.Settings
 * (learn.microsoft.com/javascript/api/office/office.settings): an in-memory property bag loaded with the document,
 * `get(name)` returns the value or null when there is none, `set` and `remove` change the in-memory copy only, and
 * `saveAsync(callback?)` persists it and calls back with an AsyncResult whose status is "succeeded".
 */
export class FakeDocumentSettings {
  readonly saved = new Map<string, unknown>();
  private readonly bag: Map<string, unknown>;

  /** `stored`: what the document holds when the add-in starts (the pane saves its settings as JSON text). */
  constructor(stored: Record<string, unknown> = {}) {
    for (const [name, value] of Object.entries(stored)) this.saved.set(name, value);
    this.bag = new Map(this.saved);
  }

  get(name: string): unknown {
    return this.bag.has(name) ? this.bag.get(name) : null;
  }

  set(name: string, value: unknown): void {
    this.bag.set(name, value);
  }

  remove(name: string): void {
    this.bag.delete(name);
  }

  saveAsync(callback?: (result: { status: "succeeded" | "failed"; value: undefined }) => void): void {
    this.saved.clear();
    for (const [name, value] of this.bag) this.saved.set(name, value);
    queueMicrotask(() => callback?.({ status: "succeeded", value: undefined }));
  }
}

/** Office as the functions runtime sees it: `onReady` resolves once the document (and its settings) is loaded. */
export function fakeOffice(settings: FakeDocumentSettings) {
  return {
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    context: { document: { settings } },
  };
}
