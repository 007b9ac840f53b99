// A small writer for Salesforce metadata XML, in the layout `sf project retrieve` produces: the XML declaration,
// the metadata namespace on the root, four-space indentation, one element per line.

export type XmlValue = string | number | boolean;
/** An element: a text value, or child elements in order (a repeated element is listed several times). */
export type XmlNode = readonly [
  name: string,
  content: XmlValue | readonly XmlNode[],
  attributes?: Record<string, string>,
];

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function render(node: XmlNode, depth: number): string {
  const [name, content, attributes] = node;
  const pad = '    '.repeat(depth);
  const attrs = Object.entries(attributes ?? {})
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join('');
  if (!Array.isArray(content)) return `${pad}<${name}${attrs}>${escape(String(content))}</${name}>`;
  const children = content as readonly XmlNode[];
  if (children.length === 0) return `${pad}<${name}${attrs} />`;
  return [`${pad}<${name}${attrs}>`, ...children.map((c) => render(c, depth + 1)), `${pad}</${name}>`].join(
    '\n',
  );
}

/** A metadata file: `<Root xmlns="http://soap.sforce.com/2006/04/metadata">…</Root>`. */
export function metadataXml(root: string, children: readonly XmlNode[]): string {
  const body = render([root, children, { xmlns: 'http://soap.sforce.com/2006/04/metadata' }], 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}
