/**
 * Tells which widget sections are on screen (or about to be: `margin` ahead of the viewport) and
 * reports the ones that have just become visible together, once per animation frame, so that
 * widgets scrolled into view at the same moment share one data request.
 */
export class VisibilityTracker {
  private readonly observer: IntersectionObserver;
  private readonly elements = new Map<string, Element>();
  private readonly keys = new WeakMap<Element, string>();
  private readonly visible = new Set<string>();
  private readonly appeared = new Set<string>();
  private frame = 0;

  constructor(
    private readonly onAppear: (keys: string[]) => void,
    margin = '200px',
  ) {
    this.observer = new IntersectionObserver((entries) => this.record(entries), {
      rootMargin: margin,
    });
  }

  /** Watches the section of widget `key` (again, if it was re-created). */
  observe(key: string, element: Element): void {
    const known = this.elements.get(key);
    if (known === element) return;
    if (known) this.observer.unobserve(known);
    this.elements.set(key, element);
    this.keys.set(element, key);
    this.observer.observe(element);
  }

  /** Stops watching widget `key` (it left the dashboard). */
  forget(key: string): void {
    const element = this.elements.get(key);
    if (element) this.observer.unobserve(element);
    this.elements.delete(key);
    this.visible.delete(key);
    this.appeared.delete(key);
  }

  /** Whether widget `key` is on screen (within the margin). */
  isVisible(key: string): boolean {
    return this.visible.has(key);
  }

  /** Keys of the widgets on screen. */
  visibleKeys(): string[] {
    return [...this.visible];
  }

  disconnect(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.elements.clear();
    this.visible.clear();
    this.appeared.clear();
  }

  private record(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const key = this.keys.get(entry.target);
      // An entry may arrive for a section that was replaced meanwhile: only the current counts.
      if (!key || this.elements.get(key) !== entry.target) continue;
      if (entry.isIntersecting) {
        if (!this.visible.has(key)) this.appeared.add(key);
        this.visible.add(key);
      } else {
        this.visible.delete(key);
        this.appeared.delete(key);
      }
    }
    if (this.appeared.size > 0 && !this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const keys = [...this.appeared];
        this.appeared.clear();
        if (keys.length > 0) this.onAppear(keys);
      });
    }
  }
}
