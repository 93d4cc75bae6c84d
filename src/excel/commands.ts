/**
 * Ribbon commands of the shared runtime. The 「整合性チェック」 button runs `runCheck`: it shows the
 * task pane and asks it to check. The pane listens through the Excel port (`onCheckRequested`).
 */
type Listener = () => void;
const listeners = new Set<Listener>();

/** Listens to the ribbon's check command; returns the function that stops listening. */
export function onRibbonCheck(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registerRibbonCommands(): void {
  if (typeof Office === "undefined" || !Office.actions) return;
  Office.actions.associate("runCheck", async (event: Office.AddinCommands.Event) => {
    try {
      await Office.addin.showAsTaskpane();
      for (const listener of listeners) listener();
    } finally {
      event.completed();
    }
  });
}
