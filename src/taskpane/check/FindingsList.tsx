import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { RULES_BY_CODE } from "../../core/check/catalogue";
import type { Finding } from "../../core/check/types";
import { useLocale, useMessages } from "../i18n";
import { FindingCard } from "./FindingCard";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, listStyle: "none", margin: 0, padding: 0 },
  why: { display: "block", marginBottom: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase400 },
});

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
  /** Grows when the current card should take the focus (a walk with the keyboard or the toolbar). */
  focusRequest: number;
  onSelect: (index: number) => void;
  onKeyDown: (index: number) => (event: KeyboardEvent<HTMLElement>) => void;
  onIgnore: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}

/**
 * The findings as a list of cards in groups (one per rule). Only the groups with errors are open at
 * first; walking to a finding opens its group. One card at a time is in the tab order (roving focus):
 * ↑/↓ move between cards, Tab reaches the current card's buttons, then leaves the list.
 */
export function FindingsList({ groups, flat, current, focusRequest, onSelect, onKeyDown, onIgnore, onFix }: FindingsListProps) {
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [open, setOpen] = useState<string[]>(() => groups.filter(([, findings]) => findings.some((f) => f.severity === "error")).map(([code]) => code));
  const currentCode = flat[current]?.code;
  // Requests made before this list was shown (a new check) are not for it.
  const focused = useRef(focusRequest);

  // Walking into a closed group opens it …
  useEffect(() => {
    if (focusRequest > focused.current && currentCode && !open.includes(currentCode)) setOpen((items) => [...items, currentCode]);
  }, [focusRequest, currentCode, open]);
  // … and the card takes the focus once it is there.
  useEffect(() => {
    if (focusRequest <= focused.current) return;
    const card = document.getElementById(`finding-${current}`);
    if (!card) return;
    focused.current = focusRequest;
    card.focus();
  }, [focusRequest, current, open]);

  return (
    <section aria-labelledby="findings-heading" data-testid="findings">
      <h2 id="findings-heading" className={styles.heading}>
        {m.findingsHeading}
      </h2>
      <Accordion multiple collapsible openItems={open} onToggle={(_, data) => setOpen(data.openItems as string[])}>
        {groups.map(([code, findings]) => {
          const rule = RULES_BY_CODE.get(code);
          return (
            <AccordionItem key={code} value={code} data-testid={`group-${code}`}>
              <AccordionHeader as="h3" size="small">
                {rule?.title[locale] ?? code}（{findings.length}）<Text size={200}>&nbsp;{code}</Text>
              </AccordionHeader>
              <AccordionPanel>
                <Text size={200} className={styles.why}>
                  {rule?.why[locale]}
                </Text>
                <ul className={styles.list} aria-label={rule?.title[locale] ?? code}>
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
                </ul>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
