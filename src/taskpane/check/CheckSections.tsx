import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Finding } from "../../core/check/types";
import type { CallOptions, PaneEngine } from "../engine/engine";
import type { PaneRun } from "../engine/view";
import { useMessages } from "../i18n";
import { fill } from "../messages";
import { ColumnMapping } from "./ColumnMapping";
import { IgnoredList } from "./IgnoredList";
import { PlanForm } from "./PlanForm";
import { ProfileForm } from "./ProfileForm";
import { ReportSection, type PrintChoice } from "./ReportSection";
import { RoundTripPanel } from "./RoundTripPanel";
import type { ActOptions, PaneAction } from "./useCheck";
import { YearsPanel } from "./YearsPanel";

/** Saves a part of the settings through the engine, then checks again; the notice is said after. */
export type SaveSettings = (save: (options: CallOptions) => Promise<unknown>, notice?: string) => void;

/** One of the pane's sections behind a heading that opens it (an accordion item, heading level 2). */
function Section({ value, heading, children }: { value: string; heading: string; children: ReactNode }) {
  return (
    <AccordionItem value={value} data-section={value}>
      <AccordionHeader as="h2" size="small">
        {heading}
      </AccordionHeader>
      <AccordionPanel>{children}</AccordionPanel>
    </AccordionItem>
  );
}

export interface CheckSectionsProps {
  engine: PaneEngine;
  run: PaneRun;
  busy: boolean;
  act: (action: PaneAction, options?: ActOptions) => Promise<void>;
  saveSettings: SaveSettings;
  /** The sections open (列の指定 opens itself after a check that found no columns). */
  open: string[];
  onOpen: (open: string[]) => void;
  /** The report's paper and orientation, used by 「レポート作成」 in the toolbar. */
  print: PrintChoice;
  onPrint: (choice: PrintChoice) => void;
  /** Goes to a comparison entry's row. */
  onGo: (finding: Finding) => void;
  onFileMade?: (bytes: Uint8Array, suffix: string) => Promise<void>;
  onSheetWritten?: (kind: "findings" | "report", sheet: string, options: CallOptions) => Promise<void>;
}

/**
 * The sections below the findings, each behind its heading: the findings ignored, work across years, the
 * report's paper and preview, the round trip with the departments, and the settings (the plan, the
 * rating scale, the columns). Each section's own component holds its form; every action goes through the engine.
 */
export function CheckSections({ engine, run, busy, act, saveSettings, open, onOpen, print, onPrint, onGo, onFileMade, onSheetWritten }: CheckSectionsProps) {
  const m = useMessages();
  const ignored = run.settings.ignored;
  return (
    <Accordion collapsible multiple openItems={open} onToggle={(_, data) => onOpen(data.openItems.map(String))}>
      <AccordionItem value="ignored" data-testid="ignored-section">
        <AccordionHeader as="h2" size="small">
          {fill(m.ignoredHeading, { n: ignored.length })}
        </AccordionHeader>
        <AccordionPanel>
          <IgnoredList
            ignored={ignored}
            busy={busy}
            onRestore={(code, item) => saveSettings((options) => engine.call("restore", [code, item], options), m.restored)}
            onRestoreAll={() => saveSettings((options) => engine.call("restoreAll", [], options))}
          />
        </AccordionPanel>
      </AccordionItem>
      <Section value="years" heading={m.yearsHeading}>
        <YearsPanel engine={engine} busy={busy} act={act} onGo={onGo} {...(onFileMade ? { onFileMade } : {})} {...(onSheetWritten ? { onSheetWritten } : {})} />
      </Section>
      <Section value="report" heading={m.printHeading}>
        <ReportSection engine={engine} open={open.includes("report")} busy={busy} choice={print} onChoice={onPrint} version={run} />
      </Section>
      <RoundTripPanel engine={engine} busy={busy} act={act} />
      <Section value="plan" heading={m.planHeading}>
        <PlanForm
          key={JSON.stringify(run.meta.meta)}
          meta={run.meta.meta}
          busy={busy}
          onSave={(meta) => saveSettings((options) => engine.call("savePlanMeta", [meta], options), m.planSaved)}
        />
      </Section>
      <Section value="profile" heading={m.settingsHeading}>
        <ProfileForm
          key={JSON.stringify(run.settings.profile)}
          profile={run.settings.profile}
          busy={busy}
          onSave={(profile) => saveSettings((options) => engine.call("saveProfile", [profile], options), m.settingsSaved)}
        />
      </Section>
      <Section value="columns" heading={m.columnsHeading}>
        <ColumnMapping
          key={JSON.stringify(run.settings.mapping ?? {})}
          table={run.table}
          mapping={run.settings.mapping ?? {}}
          busy={busy}
          onSave={(mapping) => saveSettings((options) => engine.call("saveMapping", [mapping], options), m.columnsSaved)}
        />
      </Section>
    </Accordion>
  );
}
