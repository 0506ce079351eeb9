// Keyed redraw: a step whose answer is unchanged keeps its element (and with it focus, an open
// draft and its tick); a changed or new step is built anew.

// previous: Map id -> {key, node}. Returns the new map and the nodes in order.
export function reconcile(previous, items, idOf, keyOf, build) {
  const drawn = new Map();
  const nodes = items.map((item) => {
    const id = idOf(item);
    const key = keyOf(item);
    const before = previous.get(id);
    if (before && before.key === key) {
      drawn.set(id, before);
      return before.node;
    }
    const node = build(item, before ? before.node : null);
    drawn.set(id, { key, node });
    return node;
  });
  return { drawn, nodes };
}

// Puts `nodes` in order in `container`, moving only those not already in place.
export function placeInOrder(container, nodes) {
  let at = container.firstChild;
  for (const node of nodes) {
    if (at === node) at = at.nextSibling;
    else container.insertBefore(node, at);
  }
  while (at) {
    const next = at.nextSibling;
    at.remove();
    at = next;
  }
}
