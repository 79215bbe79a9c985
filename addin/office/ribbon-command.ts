// A ribbon command in the shared runtime: it runs its work, always completes Office's event, and tells the task pane
// (same runtime) what happened, so the pane can show the outcome of a click on the ribbon.

export type RibbonEvent = { completed: () => void };

/** The outcomes of one kind of ribbon command, for the task pane to subscribe to. */
export class RibbonChannel<Outcome> {
  private readonly listeners = new Set<(outcome: Outcome) => void>();

  /** Returns unsubscribe. */
  subscribe(listener: (outcome: Outcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs the work; a failure becomes an outcome too. Never throws; always completes the event. */
  async run(event: RibbonEvent, work: () => Promise<Outcome>, failed: (error: unknown) => Outcome): Promise<Outcome> {
    let outcome: Outcome;
    try {
      outcome = await work();
    } catch (e) {
      outcome = failed(e);
    }
    for (const l of this.listeners) l(outcome);
    event.completed();
    return outcome;
  }
}

/** Associates a manifest action id with its handler where Office.actions exists; false elsewhere (a plain browser). */
export function associateRibbonAction(id: string, handler: (event: Office.AddinCommands.Event) => void): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.actions) return false;
  office.actions.associate(id, handler);
  return true;
}
