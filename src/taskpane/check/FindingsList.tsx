import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";
import { RULES_BY_CODE } from "../../core/check/catalogue";
import type { Finding } from "../../core/check/types";
import { useLocale, useMessages } from "../i18n";
import { FindingCard } from "./FindingCard";

const useStyles = makeStyles({ list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/** Findings grouped by rule, in the order of their first (most severe, earliest) finding. */
export function groupFindings(findings: readonly Finding[]): [code: string, findings: Finding[]][] {
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return [...byCode.entries()];
}

export interface FindingsListProps {
  groups: readonly [string, Finding[]][];
  /** The findings in walking order (the groups flattened). */
  flat: readonly Finding[];
  current: number;
  onSelect: (index: number) => void;
  onKeyDown: (index: number) => (event: KeyboardEvent<HTMLElement>) => void;
  onIgnore: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}

export function FindingsList({ groups, flat, current, onSelect, onKeyDown, onIgnore, onFix }: FindingsListProps) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  return (
    <div role="listbox" aria-label={m.findingsHeading} aria-activedescendant={`finding-${current}`} className={styles.list} data-testid="findings">
      <Accordion multiple collapsible defaultOpenItems={groups.map(([code]) => code)}>
        {groups.map(([code, findings]) => {
          const rule = RULES_BY_CODE.get(code);
          return (
            <AccordionItem key={code} value={code}>
              <AccordionHeader>
                {rule?.title[locale] ?? code}（{findings.length}）<Text size={200}>&nbsp;{code}</Text>
              </AccordionHeader>
              <AccordionPanel>
                <Text size={200}>{rule?.why[locale]}</Text>
                <div className={styles.list}>
                  {findings.map((finding) => {
                    const index = flat.indexOf(finding);
                    return (
                      <FindingCard
                        key={index}
                        id={`finding-${index}`}
                        finding={finding}
                        current={index === current}
                        onSelect={() => onSelect(index)}
                        onKeyDown={onKeyDown(index)}
                        onIgnore={finding.item ? () => onIgnore(finding) : undefined}
                        onFix={finding.code === "RATING_OVERSTATED" && finding.suggested && finding.suggested !== "-" && finding.column !== undefined ? () => onFix(finding) : undefined}
                      />
                    );
                  })}
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}
