/**
 * Where the pane runs: inside Excel (office.js reports the Excel host) or in file mode (an ordinary
 * browser, with or without office.js loaded). Office.js is touched only under src/excel; the task
 * pane asks this module where it runs.
 */
export type HostKind = "excel" | "file";

export interface HostInfo {
  kind: HostKind;
  /** BCP 47 language of the Office UI (Excel) or of the browser (file mode). */
  language: string;
}

const OFFICE_READY_TIMEOUT_MS = 5000;

function browserLanguage(): string {
  const override = new URLSearchParams(globalThis.location?.search ?? "").get("lang");
  return override ?? globalThis.navigator?.language ?? "ja-JP";
}

export async function detectHost(): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { kind: "file", language: browserLanguage() };
  }
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), OFFICE_READY_TIMEOUT_MS));
  const info = await Promise.race([Office.onReady(), timeout]);
  if (info?.host === Office.HostType.Excel) {
    const override = new URLSearchParams(globalThis.location?.search ?? "").get("lang");
    return { kind: "excel", language: override ?? Office.context.displayLanguage ?? "ja-JP" };
  }
  return { kind: "file", language: browserLanguage() };
}
