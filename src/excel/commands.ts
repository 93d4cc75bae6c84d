/**
 * Ribbon commands of the shared runtime. The 「整合性チェック」 button runs `runCheck`: it shows the
 * task pane and asks it to check, through a DOM event the pane listens to (same page, same runtime).
 */
export const CHECK_EVENT = "plan-progress:check";

export function registerRibbonCommands(): void {
  if (typeof Office === "undefined" || !Office.actions) return;
  Office.actions.associate("runCheck", async (event: Office.AddinCommands.Event) => {
    try {
      await Office.addin.showAsTaskpane();
      globalThis.dispatchEvent(new CustomEvent(CHECK_EVENT));
    } finally {
      event.completed();
    }
  });
}
