/**
 * Ribbon commands of the shared runtime. The 「整合性チェック」 button runs `runCheck`: it shows the
 * task pane and asks it to check. As in Microsoft's shared-runtime samples, the action is associated
 * when this module loads (office.js is loaded before the page's scripts), not after Office.onReady: a
 * click that comes early still finds it. A request made before the pane listens is kept for it.
 */
import { whenOfficeLoaded } from "./host";

type Listener = () => void;
const listeners = new Set<Listener>();
let pending = false;

/** Listens to the ribbon's check command; a request that came before is delivered at once. */
export function onRibbonCheck(listener: Listener): () => void {
  listeners.add(listener);
  if (pending) {
    pending = false;
    listener();
  }
  return () => listeners.delete(listener);
}

async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
    if (listeners.size === 0) pending = true;
    for (const listener of listeners) listener();
  } finally {
    event.completed();
  }
}

/** Associates the ribbon's actions; does nothing outside Office (file mode). Safe to call twice. */
export function registerRibbonCommands(): void {
  if (typeof Office === "undefined" || !Office.actions) return;
  Office.actions.associate("runCheck", runCheck);
}

// At once when office.js already ran, else the moment it has (it loads without blocking the page).
registerRibbonCommands();
void whenOfficeLoaded().then(registerRibbonCommands);
