/**
 * Where the pane runs: inside Excel (office.js reports the Excel host) or in file mode (an ordinary
 * browser, with or without office.js loaded). Office.js is touched only under src/excel; the task
 * pane asks this module where it runs.
 *
 * Office opens an add-in's page with `_host_Info` in its URL: such a page is inside Office and waits for
 * Office.onReady however long it takes (it never falls back to file mode inside Excel). Any other page
 * opens in file mode as soon as office.js has failed to load; an office.js that does not answer is waited
 * for a short while, then the page opens in file mode and says why.
 */
export type HostKind = "excel" | "file";

export interface HostInfo {
  kind: HostKind;
  /** BCP 47 language of the Office UI (Excel) or of the browser (file mode). */
  language: string;
  /** File mode only because office.js did not answer in time (a slow or blocked network). */
  officeSlow?: boolean;
}

/** How long a page outside Office waits for an office.js that neither loads nor fails before opening in file mode. */
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

/**
 * Resolves once office.js has run (true) or failed to load (false): taskpane.html loads it without
 * blocking the page (`<script id="office-js" async>`), so the page's own scripts may run first, or last.
 * An office.js that fails at once (offline, or blocked as on an isolated municipal network) may fail
 * before this code listens for its error event; the window's load event waits for every async script
 * (https://html.spec.whatwg.org/multipage/parsing.html#the-end), so by then office.js has run or failed,
 * and its absence says which. A request that never answers holds both back: detectHost's wait decides.
 */
export function whenOfficeLoaded(): Promise<boolean> {
  if (typeof Office !== "undefined") return Promise.resolve(true);
  const document = globalThis.document;
  const tag = document?.getElementById("office-js");
  if (!tag) return Promise.resolve(false);
  if (document.readyState === "complete") return Promise.resolve(false);
  return new Promise((resolve) => {
    const settled = () => resolve(typeof Office !== "undefined");
    tag.addEventListener("load", settled, { once: true });
    tag.addEventListener("error", () => resolve(false), { once: true });
    globalThis.addEventListener("load", settled, { once: true });
    // Events cannot interleave with this code: if office.js ran before the listeners, Office is here.
    if (typeof Office !== "undefined") resolve(true);
  });
}

const timeout = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

export async function detectHost(onWaiting?: () => void): Promise<HostInfo> {
  const inOffice = openedByOffice();
  const slow = setTimeout(() => onWaiting?.(), inOffice ? SLOW_OFFICE_MS : FILE_MODE_WAIT_MS / 2);
  // Outside Office the wait is short: a blocked or slow CDN must not keep the pane from file mode.
  const ready = whenOfficeLoaded().then((loaded) => (loaded && typeof Office.onReady === "function" ? Office.onReady() : null));
  const info = inOffice ? await ready : await Promise.race([ready, timeout(FILE_MODE_WAIT_MS, undefined)]);
  clearTimeout(slow);
  // office.js did not answer in time (a slow or blocked network): file mode, and the pane says why.
  if (info === undefined) return { kind: "file", language: browserLanguage(), officeSlow: true };
  if (info === null) return { kind: "file", language: browserLanguage() };
  if (info.host === Office.HostType.Excel) {
    return { kind: "excel", language: params().get("lang") ?? Office.context.displayLanguage ?? "ja-JP" };
  }
  return { kind: "file", language: browserLanguage() };
}
