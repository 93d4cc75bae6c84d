import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { find, findAll, localName, parseXml, type XmlElement } from "../support/manifest";

// Offline checks of manifest.xml: `npm run validate` (office-addin-manifest) needs the network.
const root = resolve(__dirname, "../..");
const manifest = parseXml(readFileSync(resolve(root, "manifest.xml"), "utf8"));
const workbookHost = find(manifest, "VersionOverrides", "Hosts", "Host") as XmlElement;

function urlResources(): Map<string, XmlElement> {
  const urls = find(manifest, "VersionOverrides", "Resources", "Urls");
  const images = find(manifest, "VersionOverrides", "Resources", "Images");
  return new Map([...(urls?.children ?? []), ...(images?.children ?? [])].map((e) => [e.attributes.id ?? "", e]));
}

function allStringIds(): Set<string> {
  const resources = find(manifest, "VersionOverrides", "Resources") as XmlElement;
  return new Set(
    resources.children.flatMap((group) => group.children.map((e) => e.attributes.id ?? "")).filter(Boolean),
  );
}

describe("manifest.xml", () => {
  it("is a task pane add-in for workbooks with ReadWriteDocument permission", () => {
    expect(localName(manifest.name)).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(find(manifest, "Hosts", "Host")?.attributes.Name).toBe("Workbook");
    expect(find(manifest, "Permissions")?.text).toBe("ReadWriteDocument");
  });

  it("declares what the code needs: SharedRuntime 1.1, CustomFunctionsRuntime 1.3, ExcelApi 1.9", () => {
    const sets = find(manifest, "Requirements", "Sets")?.children.map((s) => `${s.attributes.Name} ${s.attributes.MinVersion}`);
    expect(sets).toEqual(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.3", "ExcelApi 1.9"]);
  });

  it("declares the shared runtime first in the Workbook host, with a long lifetime", () => {
    expect(workbookHost.attributes["xsi:type"]).toBe("Workbook");
    expect(localName(workbookHost.children[0]?.name ?? "")).toBe("Runtimes");
    const runtime = find(workbookHost, "Runtimes", "Runtime");
    expect(runtime?.attributes.lifetime).toBe("long");
  });

  it("uses one resid for the runtime, the functions page, the FunctionFile and the task pane", () => {
    const runtime = find(workbookHost, "Runtimes", "Runtime")?.attributes.resid;
    const customFunctions = findAll(workbookHost, "ExtensionPoint").find((e) => e.attributes["xsi:type"] === "CustomFunctions");
    const page = customFunctions && find(customFunctions, "Page", "SourceLocation")?.attributes.resid;
    const functionFile = find(workbookHost, "DesktopFormFactor", "FunctionFile")?.attributes.resid;
    const showTaskpane = findAll(workbookHost, "Action").find((a) => a.attributes["xsi:type"] === "ShowTaskpane");
    const taskpane = showTaskpane && find(showTaskpane, "SourceLocation")?.attributes.resid;
    expect(runtime).toBe("Taskpane.Url");
    expect([page, functionFile, taskpane]).toEqual([runtime, runtime, runtime]);
    expect(urlResources().get(runtime ?? "")?.attributes.DefaultValue).toBe("https://localhost:3000/taskpane.html");
  });

  /**
   * "A shared runtime only supports one task pane, although that task pane can have more than one page.
   * [...] Add-in only manifest: In the ancestor <Host> element that has a descendant <Runtime> element
   * that is set to a long lifetime, none of the descendant <Action> elements should have a <TaskpaneID>
   * child element." — https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime#good-practice-avoid-multiple-task-panes
   * (July 2026; the earlier text, "any task pane without a <TaskpaneID> is considered a different task
   * pane", read the other way).
   */
  it("gives no action of the shared-runtime host a TaskpaneId: one task pane, the shared runtime's", () => {
    const longLived = findAll(manifest, "Host").filter((host) => findAll(host, "Runtime").some((r) => r.attributes.lifetime === "long"));
    expect(longLived).toEqual([workbookHost]);
    const actions = findAll(workbookHost, "Action");
    expect(actions.map((a) => a.attributes["xsi:type"])).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    for (const action of actions) expect(findAll(action, "TaskpaneId"), action.attributes["xsi:type"]).toEqual([]);
    expect(readFileSync(resolve(root, "manifest.xml"), "utf8")).not.toMatch(/TaskpaneId/i);
  });

  it("registers the custom functions under the PLAN namespace with script and metadata", () => {
    const ep = findAll(workbookHost, "ExtensionPoint").find((e) => e.attributes["xsi:type"] === "CustomFunctions") as XmlElement;
    const namespaceId = find(ep, "Namespace")?.attributes.resid;
    const namespace = findAll(manifest, "String").find((s) => s.attributes.id === namespaceId);
    expect(namespace?.attributes.DefaultValue).toBe("PLAN");
    const urls = urlResources();
    expect(urls.get(find(ep, "Script", "SourceLocation")?.attributes.resid ?? "")?.attributes.DefaultValue).toMatch(/\/functions\.js$/);
    const metadata = urls.get(find(ep, "Metadata", "SourceLocation")?.attributes.resid ?? "");
    expect(metadata?.attributes.DefaultValue).toMatch(/\/functions\.json$/);
    const ja = metadata?.children.find((c) => localName(c.name) === "Override" && c.attributes.Locale === "ja-jp");
    expect(ja?.attributes.Value).toMatch(/\/functions\.ja\.json$/);
  });

  it("puts a Home-tab button 計画進捗チェッカー that opens the task pane", () => {
    const tab = findAll(workbookHost, "OfficeTab")[0];
    expect(tab?.attributes.id).toBe("TabHome");
    const button = findAll(tab as XmlElement, "Control")[0] as XmlElement;
    expect(find(button, "Action")?.attributes["xsi:type"]).toBe("ShowTaskpane");
    const labelId = find(button, "Label")?.attributes.resid;
    const label = findAll(manifest, "String").find((s) => s.attributes.id === labelId);
    expect(label?.children.find((c) => c.attributes.Locale === "ja-jp")?.attributes.Value).toBe("計画進捗チェッカー");
  });

  it("puts a 整合性チェック button on the ribbon that runs the check in the shared runtime", () => {
    const controls = findAll(workbookHost, "Control");
    const check = controls.find((c) => c.attributes.id === "PlanProgress.CheckButton") as XmlElement;
    expect(find(check, "Action")?.attributes["xsi:type"]).toBe("ExecuteFunction");
    expect(find(check, "Action", "FunctionName")?.text).toBe("runCheck");
    const label = findAll(manifest, "String").find((s) => s.attributes.id === find(check, "Label")?.attributes.resid);
    expect(label?.children.find((c) => c.attributes.Locale === "ja-jp")?.attributes.Value).toBe("整合性チェック");
    const source = readFileSync(resolve(root, "src/excel/commands.ts"), "utf8");
    expect(source).toContain('Office.actions.associate("runCheck"');
  });

  it("has Japanese overrides for display name and description", () => {
    for (const name of ["DisplayName", "Description"]) {
      const override = find(manifest, name, "Override");
      expect(override?.attributes.Locale).toBe("ja-jp");
      expect(override?.attributes.Value).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it("defines every resid it uses", () => {
    const defined = allStringIds();
    const used = [...findAllWithResid(manifest)];
    expect(used.length).toBeGreaterThan(10);
    const missing = [...findAllWithResid(manifest)].filter((resid) => !defined.has(resid));
    expect(missing).toEqual([]);
  });

  it("points every icon at a file in assets/", () => {
    const images = find(manifest, "VersionOverrides", "Resources", "Images")?.children ?? [];
    const urls = [
      ...images.map((i) => i.attributes.DefaultValue ?? ""),
      find(manifest, "IconUrl")?.attributes.DefaultValue ?? "",
      find(manifest, "HighResolutionIconUrl")?.attributes.DefaultValue ?? "",
    ];
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      const file = new URL(url).pathname.slice(1);
      expect(existsSync(resolve(root, file)), file).toBe(true);
    }
    for (const size of [16, 32, 64, 80]) expect(existsSync(resolve(root, `assets/icon-${size}.png`))).toBe(true);
  });

  it("uses https://localhost:3000 for every development URL", () => {
    const urls = [...urlResources().values()].flatMap((e) => [
      e.attributes.DefaultValue ?? "",
      ...e.children.map((c) => c.attributes.Value ?? ""),
    ]);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/"), url).toBe(true);
  });
});

function* findAllWithResid(element: XmlElement): Generator<string> {
  if (element.attributes.resid) yield element.attributes.resid;
  for (const child of element.children) yield* findAllWithResid(child);
}
