// An empty list made to hold objects from the start. V8 keeps a kind for each list (small integers, numbers, any
// value) and optimises code that adds to a list for the kinds it has seen there; `[]` starts as a list of small
// integers, and the first object added turns it into a list of any value. A request's warning and error lists are
// new for each request and filled by whichever rule warns first, so with `[]` every rule's first push must have been
// seen doing that turn (the warm-up sent single rows for it); a list that is of the final kind from the start never
// turns, whichever rule comes first.
export function objectList<T extends object>(): T[] {
  const list: (T | null)[] = [null];
  list.pop();
  return list as T[];
}
