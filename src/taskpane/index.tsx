import { createRoot } from "react-dom/client";
import { App } from "./App";
import { registerRibbonCommands } from "../excel/commands";
import { detectHost } from "../excel/host";
import { pickLocale } from "./messages";

async function boot(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const host = await detectHost();
  if (host.kind === "excel") registerRibbonCommands();
  const locale = pickLocale(host.language);
  document.documentElement.lang = locale;
  createRoot(container).render(<App host={host.kind} locale={locale} />);
}

void boot();
