// All the text under a rendered node (the renderer's `.text` holds only a node's own text children).
interface RenderedText {
  text: string | null;
  childNodes?: readonly RenderedText[];
}

export function textOf(node: RenderedText): string {
  if (!node.childNodes) return node.text ?? '';
  return node.childNodes.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
}
