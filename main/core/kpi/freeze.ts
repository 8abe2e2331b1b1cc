/**
 * Snapshots are shared by every screen and compared between refreshes, so nothing may change one
 * after it is built: frozen all the way down, and a stray write throws (modules are strict mode).
 */

export function freezeDeep<T>(value: T): T {
  freezeInto(value, new WeakSet());
  return value;
}

function freezeInto(value: unknown, seen: WeakSet<object>): void {
  if (value === null || typeof value !== 'object') return;
  const object = value;
  if (seen.has(object)) return;
  seen.add(object);
  // Children first: an already frozen parent may still hold mutable children.
  for (const key of Reflect.ownKeys(object)) {
    freezeInto(Reflect.get(object, key), seen);
  }
  Object.freeze(object);
}
