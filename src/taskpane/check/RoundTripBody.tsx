import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState, type ChangeEvent, type DragEvent } from "react";
import { historyTime, type MergeRecord } from "../../core/roundtrip/history";
import type { FillableField } from "../../core/roundtrip/identity";
import type { MergeNote } from "../../core/roundtrip/notes";
import type { MergePreviewView, SplitView } from "../engine/actions";
import type { PaneEngine } from "../engine/engine";
import { useLocale, useMessages } from "../i18n";
import { fill, type Messages } from "../messages";
import type { ActOptions, PaneAction } from "./useCheck";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", padding: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  change: { overflowWrap: "anywhere" },
  drop: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingVerticalS },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: "left", verticalAlign: "top" },
  number: { textAlign: "right" },
  // A column heading stays on one line (「エラー」 never breaks as 「エラ／ー」); a narrow pane scrolls the table.
  head: { whiteSpace: "nowrap" },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface RoundTripPanelProps {
  engine: PaneEngine;
  busy: boolean;
  /** Runs an action through the pane (one at a time, its progress, message or failure shown). */
  act: (action: PaneAction, options?: ActOptions) => Promise<void>;
}

const FIELDS: readonly { field: FillableField; label: keyof Messages }[] = [
  { field: "rating", label: "fieldRating" },
  { field: "result", label: "fieldResult" },
  { field: "actions", label: "fieldActions" },
  { field: "plan", label: "fieldPlan" },
  { field: "notes", label: "fieldNotes" },
];

/** Hands a file to the user as a download (file mode; Excel on the web too). */
function offer(bytes: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const short = (text: string, max = 60) => {
  const t = text.replace(/\s+/g, " ").trim();
  return `「${t.length > max ? `${t.slice(0, max)}…` : t}」`;
};

/**
 * The round trip with the departments (docs/roundtrip.md): make a form per department (a zip in file
 * mode, a new workbook each in Excel), take the answers back with a preview of every change and conflict
 * and the status of who has answered, undo a merge from the history, and the table as CSV. Loaded when
 * its section is first opened (RoundTripPanel.tsx).
 */
export default function RoundTripBody({ engine, busy, act }: RoundTripPanelProps) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [deadline, setDeadline] = useState("");
  const [contact, setContact] = useState("");
  const [password, setPassword] = useState("");
  const [filled, setFilled] = useState<FillableField[]>(["rating", "result"]);
  const [made, setMade] = useState<SplitView>();
  const [preview, setPreview] = useState<MergePreviewView>();
  const [merges, setMerges] = useState<MergeRecord[]>();
  const [dragging, setDragging] = useState(false);

  const split = () =>
    act(
      async (options) => {
        const request = {
          filled,
          ...(deadline ? { deadline } : {}),
          ...(contact.trim() ? { contact: contact.trim() } : {}),
          ...(password ? { password } : {}),
        };
        const result = await engine.call("split", [request], options);
        setMade(result);
        if (!result.zip) return fill(m.splitReady, { count: result.files.length }); // Excel: each opens as a new workbook
        // 令和2年度_進捗調書_政策課.xlsx → 令和2年度_課ごとの調書.zip
        const year = /^(.+?)_/.exec(result.files[0]?.name ?? "")?.[1];
        offer(result.zip, `${year ? `${year}_` : ""}${m.splitZipName}.zip`, "application/zip");
        return fill(m.splitDownloaded, { count: result.files.length });
      },
      { testId: "split-message" },
    );

  const open = (file: SplitView["files"][number]) =>
    act(
      async (options) => {
        await engine.call("openForm", [file.department], options);
        return fill(m.splitOpened, { department: file.department, name: file.name });
      },
      { testId: "split-message" },
    );

  const take = (files: readonly File[]) => {
    if (files.length === 0) return;
    void act(
      async (options) => {
        const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
        setPreview(await engine.call("previewMerge", [read], options));
        return undefined;
      },
      { testId: "merge-message" },
    );
  };

  const apply = () =>
    act(
      async (options) => {
        if (!preview) return undefined;
        if (preview.plan.changes.length === 0) return m.mergeNothing;
        const applied = await engine.call("applyMerge", [], options);
        setPreview(undefined);
        setMerges(applied.merges);
        return fill(m.mergeApplied, { cells: applied.cells, id: applied.id, sheet: applied.history });
      },
      { recheck: true, testId: "merge-message" },
    );

  const writeStatus = () =>
    act(
      async (options) => {
        if (!preview) return undefined;
        const { sheet } = await engine.call("exportStatus", [], options);
        return fill(m.exported, { sheet });
      },
      { testId: "merge-message" },
    );

  const loadHistory = () =>
    act(
      async (options) => {
        setMerges(await engine.call("history", [], options));
        return undefined;
      },
      { testId: "history-message" },
    );

  const undo = (id: string) =>
    act(
      async (options) => {
        const undone = await engine.call("undoMerge", [id], options);
        setMerges(undone.merges);
        return undone.kept.length > 0
          ? fill(m.historyUndoneKept, { id, restored: undone.restored, kept: undone.kept.length })
          : fill(m.historyUndoneNotice, { id, restored: undone.restored });
      },
      { recheck: true, testId: "history-message" },
    );

  const csv = (which: "items" | "metrics") =>
    act(
      async (options) => {
        const result = await engine.call("exportCsv", [], options);
        const name = `${which === "items" ? m.csvItemsFile : m.csvMetricsFile}.csv`;
        offer(which === "items" ? result.items : result.metrics, name, "text/csv;charset=utf-8");
        return fill(m.csvDone, { name });
      },
      { testId: "csv-message" },
    );

  const toggle = (field: FillableField, on: boolean) => setFilled((current) => (on ? [...new Set([...current, field])] : current.filter((f) => f !== field)));
  const note = (n: MergeNote, i: number) => (
    <li key={i} className={styles.item} data-kind={n.kind} data-department={n.department ?? ""} data-item={n.item ?? ""}>
      <Text size={200} weight="semibold">
        {n.department ? `${n.department}、` : ""}
        {n.file}
      </Text>
      <Text size={200} className={styles.change}>
        {n.message[locale]}
      </Text>
    </li>
  );
  const plan = preview?.plan;
  const departments = plan ? [...new Set(plan.changes.map((c) => c.department))] : [];

  return (
    <div className={styles.stack} data-testid="roundtrip-panel">
      <section className={styles.stack} aria-labelledby="split-heading">
        <h3 id="split-heading" className={styles.heading}>
          {m.splitHeading}
        </h3>
        <Text size={200}>{m.splitHint}</Text>
        <Field label={m.splitDeadline} size="small">
          <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} data-testid="split-deadline" />
        </Field>
        <Field label={m.splitContact} size="small">
          <Input value={contact} placeholder={m.splitContactPlaceholder} onChange={(_, d) => setContact(d.value)} data-testid="split-contact" />
        </Field>
        <Field label={m.splitColumns} size="small">
          <div className={styles.row} role="group" aria-label={m.splitColumns}>
            {FIELDS.map(({ field, label }) => (
              <Checkbox key={field} label={m[label]} checked={filled.includes(field)} onChange={(_, d) => toggle(field, d.checked === true)} />
            ))}
          </div>
        </Field>
        <Field label={m.splitPassword} size="small">
          <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="new-password" />
        </Field>
        <div>
          <Button size="small" appearance="primary" onClick={() => void split()} disabled={busy || filled.length === 0} data-testid="split-make">
            {m.splitMake}
          </Button>
        </div>
        {made && !made.zip && made.files.length > 0 && (
          <ul className={styles.list} aria-label={m.splitHeading} data-testid="split-files">
            {made.files.map((file) => (
              <li key={file.department} className={mergeClasses(styles.item, styles.row)}>
                <Text size={200}>{fill(m.splitRows, { department: file.department, rows: file.rows })}</Text>
                <Button size="small" onClick={() => void open(file)} disabled={busy}>
                  {m.splitOpen}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {made && made.unassigned.length > 0 && <Text size={200}>{fill(m.splitUnassigned, { items: made.unassigned.join(" ") })}</Text>}
      </section>

      <section
        className={mergeClasses(styles.stack, styles.drop, dragging && styles.dropActive)}
        aria-labelledby="merge-heading"
        onDragOver={(event: DragEvent) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event: DragEvent) => {
          event.preventDefault();
          setDragging(false);
          take([...event.dataTransfer.files]);
        }}
      >
        <h3 id="merge-heading" className={styles.heading}>
          {m.mergeHeading}
        </h3>
        <Text size={200}>{m.mergeHint}</Text>
        <input
          ref={input}
          style={{ display: "none" }}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={m.mergeChooseLabel}
          data-testid="merge-input"
          onChange={(event: ChangeEvent<HTMLInputElement>) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = "";
            take(files);
          }}
        />
        <div className={styles.row}>
          <Button size="small" onClick={() => input.current?.click()} disabled={busy} data-testid="merge-choose">
            {m.mergeChoose}
          </Button>
          <Text size={200}>{m.mergeDrop}</Text>
        </div>
        {plan && preview && (
          <div className={styles.stack} data-testid="merge-preview">
            <Text weight="semibold" data-testid="merge-summary">
              {fill(m.mergePreviewTitle, { files: plan.files.length, changes: plan.changes.length, conflicts: plan.conflicts.length })}
            </Text>
            <div className={styles.row}>
              <Button size="small" appearance="primary" onClick={() => void apply()} disabled={busy} data-testid="merge-apply">
                {m.mergeApply}
              </Button>
              <Button size="small" onClick={() => void writeStatus()} disabled={busy} data-testid="status-export">
                {m.statusExport}
              </Button>
            </div>
            {departments.map((department) => (
              <section key={department} className={styles.stack} aria-label={department}>
                <Text weight="semibold">{department}</Text>
                <ul className={styles.list} aria-label={`${department} ${m.mergeChanges}`}>
                  {plan.changes
                    .filter((c) => c.department === department)
                    .map((c) => (
                      <li key={`${c.sheetRow}:${c.column}`} className={mergeClasses(styles.item, styles.change)} data-testid="merge-change" data-item={c.item}>
                        <Text size={200}>
                          {c.label === undefined
                            ? fill(m.mergeChange, { item: c.item, column: c.header, before: short(c.before), after: short(c.after) })
                            : fill(m.mergeChangeNamed, { label: c.label, column: c.header, before: short(c.before), after: short(c.after) })}
                        </Text>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
            {plan.conflicts.length > 0 && (
              <>
                <Text weight="semibold">
                  <Badge appearance="filled" color="danger" shape="rounded">
                    {plan.conflicts.length}
                  </Badge>{" "}
                  {m.mergeConflicts}
                </Text>
                <ul className={styles.list} aria-label={m.mergeConflicts} data-testid="merge-conflicts">
                  {plan.conflicts.map(note)}
                </ul>
              </>
            )}
            {plan.notices.length > 0 && (
              <>
                <Text weight="semibold">{m.mergeNotices}</Text>
                <ul className={styles.list} aria-label={m.mergeNotices} data-testid="merge-notices">
                  {plan.notices.map(note)}
                </ul>
              </>
            )}
            <Text weight="semibold">{m.statusHeading}</Text>
            <div className={styles.scroll} role="region" aria-label={m.statusHeading} tabIndex={0}>
            <table className={styles.table} data-testid="merge-status">
              <thead>
                <tr>
                  {[m.statusDepartment, m.statusRows, m.statusAnswered, m.statusChanged, m.statusConflicts, m.statusErrors, m.statusWarnings].map((h) => (
                    <th key={h} className={mergeClasses(styles.cell, styles.head)} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.status.map((s) => (
                  <tr key={s.department} data-department={s.department} data-answered={s.file ? "yes" : "no"}>
                    <th className={styles.cell} scope="row">
                      {s.department}
                    </th>
                    <td className={mergeClasses(styles.cell, styles.number)}>{s.rows}</td>
                    <td className={mergeClasses(styles.cell, !s.file && styles.missing)} {...(s.returnedAt || s.mergedAt ? { title: m.statusTimeZone } : {})}>
                      {s.file ? (s.returnedAt ? historyTime(s.returnedAt).slice(5, 16) : s.mergedAt ? `${m.statusEarlier} ${s.mergedAt.slice(5, 16)}` : m.statusYes) : m.statusNo}
                    </td>
                    <td className={mergeClasses(styles.cell, styles.number)}>{s.changed}</td>
                    <td className={mergeClasses(styles.cell, styles.number)}>{s.conflicts}</td>
                    <td className={mergeClasses(styles.cell, styles.number)}>{s.errors}</td>
                    <td className={mergeClasses(styles.cell, styles.number)}>{s.warnings}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </div>
        )}
      </section>

      <section className={styles.stack} aria-labelledby="history-heading">
        <h3 id="history-heading" className={styles.heading}>
          {m.historyHeading}
        </h3>
        <Text size={200}>{m.historyHint}</Text>
        <div>
          <Button size="small" onClick={() => void loadHistory()} disabled={busy} data-testid="history-load">
            {m.historyLoad}
          </Button>
        </div>
        {merges && merges.length === 0 && <Text size={200}>{m.historyEmpty}</Text>}
        {merges && merges.length > 0 && (
          <ul className={styles.list} aria-label={m.historyHeading} data-testid="history-merges">
            {merges.map((merge) => (
              <li key={merge.id} className={mergeClasses(styles.item, styles.row)} data-merge={merge.id}>
                <Text size={200}>{fill(m.historyMerge, { at: merge.at, departments: merge.departments.join("、"), cells: merge.cells })}</Text>
                {merge.undone ? (
                  <Badge appearance="outline">{m.historyUndone}</Badge>
                ) : (
                  <Button size="small" onClick={() => void undo(merge.id)} disabled={busy} data-testid="history-undo">
                    {m.historyUndo}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.stack} aria-labelledby="csv-heading">
        <h3 id="csv-heading" className={styles.heading}>
          {m.csvHeading}
        </h3>
        <Text size={200}>{m.csvHint}</Text>
        <div className={styles.row}>
          <Button size="small" onClick={() => void csv("items")} disabled={busy} data-testid="csv-items">
            {m.csvItems}
          </Button>
          <Button size="small" onClick={() => void csv("metrics")} disabled={busy} data-testid="csv-metrics">
            {m.csvMetrics}
          </Button>
        </div>
      </section>
    </div>
  );
}
