/**
 * Tree helpers that see through open shadow roots: a field rendered inside a web component
 * (Salesforce Lightning, Zoho's Lyte) belongs to the page as much as one in the light DOM.
 */

/**
 * The parent in the rendered (flat) tree: the slot a light-DOM child is shown in, else the parent
 * element, else the shadow host when `element` is at the top of a shadow tree.
 */
export function parentAcrossShadow(element: Element): Element | null {
  const slot = assignedSlotOf(element);
  if (slot) return slot;
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root && isShadowRoot(root) ? root.host : null;
}

/** `element.assignedSlot`, computed by hand where the DOM does not implement it (happy-dom). */
function assignedSlotOf(element: Element): HTMLSlotElement | null {
  if (element.assignedSlot !== undefined) return element.assignedSlot;
  const shadow = element.parentElement?.shadowRoot;
  if (!shadow) return null;
  const name = element.getAttribute('slot') ?? '';
  for (const slot of shadow.querySelectorAll('slot')) {
    if ((slot.getAttribute('name') ?? '') === name) return slot;
  }
  return null;
}

/**
 * Counts child elements up to `max`. `childElementCount` walks every child in Blink, which on a
 * list of thousands, asked once per item, is quadratic.
 */
export function countChildren(element: Element, max: number): number {
  let count = 0;
  for (let child = element.firstElementChild; child && count <= max; child = child.nextElementSibling) count += 1;
  return count;
}

export function hasSingleChild(element: Element): boolean {
  const first = element.firstElementChild;
  return first !== null && first === element.lastElementChild;
}

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node && (node as ShadowRoot).host !== undefined;
}

/** `getElementById` in the tree the element lives in (the document or its shadow root). */
export function elementByIdNear(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

export type QueryRoot = Document | Element | ShadowRoot;

/**
 * The root and every open shadow root below it, found in one bounded walk. Selectors cannot
 * cross a shadow boundary, so callers query each tree (see `queryAllIn`).
 */
export function openTrees(root: QueryRoot, limit = 500): QueryRoot[] {
  const trees: QueryRoot[] = [root];
  const stack: Element[] = [];
  const pushChildren = (parent: ParentNode) => {
    for (let child = parent.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  };
  if ('shadowRoot' in root && root.shadowRoot) {
    trees.push(root.shadowRoot);
    pushChildren(root.shadowRoot);
  }
  pushChildren(root);
  for (let visited = 0; stack.length && visited < 200_000 && trees.length <= limit; visited += 1) {
    const element = stack.pop()!;
    if (element.shadowRoot) {
      trees.push(element.shadowRoot);
      pushChildren(element.shadowRoot);
    }
    pushChildren(element);
  }
  return trees;
}

export function queryAllIn(trees: readonly QueryRoot[], selector: string): Element[] {
  const found: Element[] = [];
  for (const tree of trees) for (const element of tree.querySelectorAll(selector)) found.push(element);
  return found;
}

export function queryIn(trees: readonly QueryRoot[], selector: string): Element | null {
  for (const tree of trees) {
    const element = tree.querySelector(selector);
    if (element) return element;
  }
  return null;
}

/** querySelectorAll that also looks inside open shadow roots. */
export function deepQueryAll(root: QueryRoot, selector: string): Element[] {
  return queryAllIn(openTrees(root), selector);
}
