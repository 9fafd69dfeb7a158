/**
 * A tiny DOM builder for the sidebar. Text is only ever added as text nodes (never parsed as HTML),
 * so staff names and server messages show literally, whatever they contain.
 */

export type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) node.setAttribute(name, '');
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** A panel-wide notice (not set up, could not load, unknown view) with an optional button. */
export function notice(
  root: HTMLElement,
  heading: string,
  text: string,
  action?: { label: string; run: () => void },
): void {
  const body = h('div', { class: 'notice', role: 'alert' }, h('p', {}, text));
  if (action) {
    const button = h('button', { type: 'button', class: 'secondary' }, action.label);
    button.addEventListener('click', action.run);
    body.append(button);
  }
  root.replaceChildren(h('h1', {}, heading), body);
}
