// A small strict XML reader for the manifest check: well-formedness (matching tags, quoted attributes, known
// entities, one root) and a tree to walk. Enough for manifest.xml; not a general XML library.
export type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string };

const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

export function parseXml(src: string): XmlNode {
  let i = 0;
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  const fail = (msg: string): never => {
    const line = src.slice(0, i).split('\n').length;
    throw new Error(`XML not well-formed at line ${line}: ${msg}`);
  };
  while (i < src.length) {
    if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i);
      if (end < 0) fail('unterminated declaration');
      i = end + 2;
    } else if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i);
      if (end < 0) fail('unterminated comment');
      if (src.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
      i = end + 3;
    } else if (src.startsWith('</', i)) {
      const m = /^<\/([\w:.-]+)\s*>/.exec(src.slice(i));
      if (!m) fail('bad end tag');
      const open = stack.pop();
      if (!open || open.name !== m![1]) fail(`</${m![1]}> does not close <${open?.name}>`);
      i += m![0].length;
    } else if (src[i] === '<') {
      const m = /^<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(src.slice(i));
      if (!m) fail('bad start tag');
      const attrs: Record<string, string> = {};
      for (const a of m![2].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in attrs) fail(`duplicate attribute ${a[1]}`);
        const v = a[2] ?? a[3];
        if (ENTITY.test(v)) fail(`bad entity in attribute ${a[1]}`);
        attrs[a[1]] = v;
      }
      const node: XmlNode = { name: m![1], attrs, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(node);
      else if (root) fail('more than one root element');
      else root = node;
      if (!m![3]) stack.push(node);
      i += m![0].length;
    } else {
      const next = src.indexOf('<', i);
      const text = src.slice(i, next < 0 ? src.length : next);
      if (ENTITY.test(text)) fail('bad entity in text');
      if (stack.length) stack[stack.length - 1].text += text.trim();
      else if (text.trim()) fail('text outside the root element');
      i = next < 0 ? src.length : next;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail('no root element');
  return root!;
}

/** Every node under (and including) `node`, depth first. */
export function walk(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(walk)];
}

export const find = (node: XmlNode, name: string): XmlNode[] => walk(node).filter((n) => n.name === name);
