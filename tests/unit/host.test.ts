import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * Where the pane runs, and the ribbon's command: Office.js is stubbed on globalThis the way office.js
 * sets it up before the page's own scripts run.
 */
interface OfficeStub {
  onReady: () => Promise<{ host: string; platform: string } | undefined>;
  HostType: { Excel: string };
  context: { displayLanguage: string };
  actions: { associate: (id: string, fn: (event: { completed(): void }) => Promise<void>) => void };
  addin: { showAsTaskpane: () => Promise<void> };
}

function stubOffice(onReady: OfficeStub["onReady"], search = ""): Record<string, (event: { completed(): void }) => Promise<void>> {
  const actions: Record<string, (event: { completed(): void }) => Promise<void>> = {};
  const office: OfficeStub = {
    onReady,
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "ja-JP" },
    actions: { associate: (id, fn) => void (actions[id] = fn) },
    addin: { showAsTaskpane: () => Promise.resolve() },
  };
  vi.stubGlobal("Office", office);
  vi.stubGlobal("location", { search, hash: "" });
  return actions;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("where the pane runs", () => {
  it("inside Excel (Office put _host_Info in the URL) waits for Office.onReady however long it takes: never file mode", async () => {
    vi.useFakeTimers();
    let ready: (info: { host: string; platform: string }) => void = () => undefined;
    stubOffice(() => new Promise((resolve) => (ready = resolve)), "?_host_Info=Excel$Win32$16.01$ja-JP$$$$0");
    const { detectHost } = await import("../../src/excel/host");
    const waiting = vi.fn();
    const detected = detectHost(waiting);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(waiting).toHaveBeenCalledOnce(); // the page says it is waiting for Excel
    ready({ host: "Excel", platform: "PC" });
    await expect(detected).resolves.toEqual({ kind: "excel", language: "ja-JP" });
  });

  it("in an ordinary browser whose office.js does not answer, opens in file mode after a short wait and says why", async () => {
    vi.useFakeTimers();
    stubOffice(() => new Promise(() => undefined));
    const { detectHost, FILE_MODE_WAIT_MS } = await import("../../src/excel/host");
    const detected = detectHost();
    await vi.advanceTimersByTimeAsync(FILE_MODE_WAIT_MS);
    await expect(detected).resolves.toMatchObject({ kind: "file", officeSlow: true });
  });

  it("in a browser where office.js answers without a host, opens in file mode without the slow note", async () => {
    stubOffice(() => Promise.resolve({ host: "", platform: "" }));
    const { detectHost } = await import("../../src/excel/host");
    const info = await detectHost();
    expect(info.kind).toBe("file");
    expect(info.officeSlow).toBeUndefined();
  });
});

describe("the ribbon's 「整合性チェック」 command", () => {
  it("is associated when the module loads, before Office.onReady, and a click before the pane listens reaches it", async () => {
    const actions = stubOffice(() => new Promise(() => undefined));
    const { onRibbonCheck } = await import("../../src/excel/commands");
    expect(Object.keys(actions)).toEqual(["runCheck"]);
    const completed = vi.fn();
    await actions.runCheck?.({ completed });
    expect(completed).toHaveBeenCalledOnce();
    const listener = vi.fn();
    onRibbonCheck(listener);
    expect(listener).toHaveBeenCalledOnce(); // the early click, delivered when the pane starts listening
    await actions.runCheck?.({ completed });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(completed).toHaveBeenCalledTimes(2);
  });

  it("completes the event even when the pane cannot be shown", async () => {
    const actions = stubOffice(() => new Promise(() => undefined));
    vi.stubGlobal("Office", { ...(globalThis as unknown as { Office: OfficeStub }).Office, addin: { showAsTaskpane: () => Promise.reject(new Error("no pane")) } });
    await import("../../src/excel/commands");
    const completed = vi.fn();
    await expect(actions.runCheck?.({ completed })).rejects.toThrow("no pane");
    expect(completed).toHaveBeenCalledOnce();
  });
});
