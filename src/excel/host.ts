/**
 * Where the pane runs: inside Excel (office.js reports the Excel host) or in file mode (an ordinary
 * browser, with or without office.js loaded). Office.js is touched only under src/excel; the task
 * pane asks this module where it runs.
 *
 * Office opens an add-in's page with `_host_Info` in its URL: such a page is inside Office and waits for
 * Office.onReady however long it takes (it never falls back to file mode inside Excel). Any other page
 * waits a short while, then opens in file mode and says why.
 */
export type HostKind = "excel" | "file";

export interface HostInfo {
  kind: HostKind;
  /** BCP 47 language of the Office UI (Excel) or of the browser (file mode). */
  language: string;
  /** File mode only because office.js did not answer in time (a slow or blocked network). */
  officeSlow?: boolean;
}

/** How long a page outside Office waits for office.js before opening in file mode. */
export const FILE_MODE_WAIT_MS = 1500;
/** After this long inside Office, the page says it is waiting for Excel. */
export const SLOW_OFFICE_MS = 3000;

function params(): URLSearchParams {
  const location = globalThis.location;
  return new URLSearchParams(`${location?.search ?? ""}&${(location?.hash ?? "").replace(/^#/, "")}`);
}

function browserLanguage(): string {
  return params().get("lang") ?? globalThis.navigator?.language ?? "ja-JP";
}

/** Whether Office opened this page (it adds _host_Info=Excel$… to the URL). */
export function openedByOffice(): boolean {
  return /excel/i.test(params().get("_host_Info") ?? "");
}

export async function detectHost(onWaiting?: () => void): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { kind: "file", language: browserLanguage() };
  }
  const inOffice = openedByOffice();
  const slow = setTimeout(() => onWaiting?.(), inOffice ? SLOW_OFFICE_MS : FILE_MODE_WAIT_MS / 2);
  const ready = Office.onReady();
  const info = inOffice ? await ready : await Promise.race([ready, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), FILE_MODE_WAIT_MS))]);
  clearTimeout(slow);
  if (info?.host === Office.HostType.Excel) {
    return { kind: "excel", language: params().get("lang") ?? Office.context.displayLanguage ?? "ja-JP" };
  }
  return { kind: "file", language: browserLanguage(), ...(info === undefined ? { officeSlow: true } : {}) };
}
