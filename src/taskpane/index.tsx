import { createRoot } from "react-dom/client";
import { App, loadHome, savedLocale } from "./App";
// Associates the ribbon's commands when the page loads, before Office.onReady (as Microsoft's samples do).
import "../excel/commands";
import { detectHost, openedByOffice } from "../excel/host";
import { BOOT_WAITING, pickLocale } from "./messages";

async function boot(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  // Inside Office, Excel's home is asked for at once: its chunk downloads while office.js loads.
  if (openedByOffice()) loadHome("excel").catch(() => undefined);
  const host = await detectHost(() => {
    const waiting = document.getElementById("boot");
    if (waiting) {
      waiting.textContent = openedByOffice() ? BOOT_WAITING.excel : BOOT_WAITING.file;
    }
  });
  // The language chosen in the pane before wins; else Office's, or the browser's.
  const locale = savedLocale() ?? pickLocale(host.language);
  document.documentElement.lang = locale;
  createRoot(container).render(<App host={host.kind} locale={locale} officeSlow={host.officeSlow === true} />);
}

void boot();
