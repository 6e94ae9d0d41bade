import type { ReactiveControllerHost } from 'lit';

/** Where a dragged widget would land: before or after the widget under the pointer. */
export interface DropTarget {
  key: string;
  place: 'before' | 'after';
}

/**
 * Reordering with the mouse (HTML5 drag and drop): the handle of a widget is dragged, every
 * other widget's section is a drop target, and its half under the pointer says before or after.
 * The keyboard way is the « Monter » / « Descendre » buttons and the handle's arrow keys.
 */
export class ReorderDrag {
  /** Key of the widget being dragged. */
  dragged: string | null = null;
  target: DropTarget | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onDrop: (key: string, target: DropTarget) => void,
  ) {}

  readonly start = (event: DragEvent): void => {
    const handle = (event.target as Element | null)?.closest?.('.handle');
    const section = handle?.closest('section[data-widget]');
    const key = section?.getAttribute('data-widget');
    if (!section || !key || !event.dataTransfer) return;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', key);
    event.dataTransfer.setDragImage(section, 24, 24);
    this.dragged = key;
    this.host.requestUpdate();
  };

  readonly over = (event: DragEvent): void => {
    if (!this.dragged) return;
    const section = (event.target as Element | null)?.closest?.('section[data-widget]');
    const key = section?.getAttribute('data-widget');
    if (!section || !key || key === this.dragged) {
      this.aim(null);
      return;
    }
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.aim({ key, place: dropPlace(section, event.clientX, event.clientY) });
  };

  readonly drop = (event: DragEvent): void => {
    const { dragged, target } = this;
    if (!dragged) return;
    event.preventDefault();
    this.end();
    if (target) this.onDrop(dragged, target);
  };

  readonly end = (): void => {
    if (!this.dragged && !this.target) return;
    this.dragged = null;
    this.target = null;
    this.host.requestUpdate();
  };

  private aim(target: DropTarget | null): void {
    if (target?.key === this.target?.key && target?.place === this.target?.place) return;
    this.target = target;
    this.host.requestUpdate();
  }
}

/**
 * Before or after `section`, from the pointer: left or right half when widgets stand side by
 * side, top or bottom half when the grid has one column.
 */
export function dropPlace(section: Element, x: number, y: number): 'before' | 'after' {
  const rect = section.getBoundingClientRect();
  const grid = section.parentElement;
  const columns = grid ? getComputedStyle(grid).gridTemplateColumns.split(' ').length : 1;
  if (columns <= 1) return y < rect.top + rect.height / 2 ? 'before' : 'after';
  const rtl = getComputedStyle(section).direction === 'rtl';
  const firstHalf = x < rect.left + rect.width / 2;
  return firstHalf !== rtl ? 'before' : 'after';
}

/** The move a key pressed on a handle asks for: -1 up, +1 down, or to the first / last place. */
export function handleKeyMove(key: string): 'up' | 'down' | 'first' | 'last' | null {
  if (key === 'ArrowUp' || key === 'ArrowLeft') return 'up';
  if (key === 'ArrowDown' || key === 'ArrowRight') return 'down';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  return null;
}
