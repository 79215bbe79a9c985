// An empty list made to hold objects (or texts) from the start. V8 keeps a kind for each list (small integers, numbers, any
// value) and optimises code that adds to a list for the kinds it has seen there; `[]` starts as a list of small
// integers, and the first object added turns it into a list of any value. A request's warning and error lists are
// new for each request and filled by whichever rule warns first, so with `[]` every rule's first push must have been
// seen doing that turn (the warm-up sent single rows for it); a list that is of the final kind from the start never
// turns, whichever rule comes first. The summary's attention list of names and groups is one too: started as `[]`,
// its adds were calls to the generic Array.prototype.push (118 instructions a row on the add-in's request).
export function objectList<T extends object | string>(): T[] {
  const list: (T | null)[] = [null];
  list.pop();
  return list as T[];
}
