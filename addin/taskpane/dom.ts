// Small DOM helpers for the task pane.
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`task pane element #${id} is missing`);
  return el as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const c of children) node.append(c);
  return node;
}

export type MessageKind = 'error' | 'info' | 'success';

export function showMessage(text: string, kind: MessageKind = 'error'): void {
  const box = byId('message');
  box.textContent = text;
  box.className = kind === 'error' ? 'message' : `message ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.hidden = false;
}

export function clearMessage(): void {
  const box = byId('message');
  box.hidden = true;
  box.textContent = '';
}
