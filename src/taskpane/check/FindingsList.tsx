import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { RULES_BY_CODE } from "../../core/check/catalogue";
import type { Finding } from "../../core/check/types";
import { useLocale, useMessages } from "../i18n";
import { FindingCard } from "./FindingCard";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, listStyle: "none", margin: 0, padding: 0 },
  virtual: { position: "relative", listStyle: "none", margin: 0, padding: 0 },
  why: { display: "block", marginBottom: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase400 },
});

/** A group of findings of one rule, and where its first finding stands in the walk. */
export interface FindingGroup {
  code: string;
  findings: Finding[];
  start: number;
}

/** Findings grouped by rule, in the order of their first (most severe, earliest) finding; one pass. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCode.get(f.code);
    if (list) list.push(f);
    else byCode.set(f.code, [f]);
  }
  let start = 0;
  return [...byCode.entries()].map(([code, list]) => {
    const group = { code, findings: list, start };
    start += list.length;
    return group;
  });
}

/** Groups longer than this draw only the cards in view (and a few around them). */
const DRAW_ALL = 60;
/** A card's height before it is measured. */
const CARD_ESTIMATE = 150;

export interface FindingsListProps {
  groups: readonly FindingGroup[];
  current: number;
  /** Grows when the current card should take the focus (a walk with the keyboard or the toolbar). */
  focusRequest: number;
  /** Grows when the current card should be brought into view without the focus (after a check). */
  revealRequest: number;
  /** Hidden behind a tab: nothing is drawn. */
  shown?: boolean;
  onSelect: (index: number) => void;
  onKeyDown: (index: number) => (event: KeyboardEvent<HTMLElement>) => void;
  onIgnore: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  canFix: (finding: Finding, index: number) => boolean;
}

interface GroupProps extends Omit<FindingsListProps, "groups"> {
  group: FindingGroup;
}

/** Brings the card of `index` into view (once drawn) and, when asked, gives it the focus. */
function useReveal(index: number, focusRequest: number, revealRequest: number, inGroup: boolean, scrollTo: (() => void) | undefined) {
  const focused = useRef(focusRequest);
  // A list drawn with a check's result is asked to show its place at once (the request came with it).
  const revealed = useRef(0);
  useEffect(() => {
    const focus = focusRequest > focused.current;
    const reveal = revealRequest > revealed.current;
    focused.current = focusRequest;
    revealed.current = revealRequest;
    if (!inGroup || (!focus && !reveal)) return;
    scrollTo?.();
    let frames = 0;
    let handle = 0;
    // A card out of the drawn range appears a frame after the list scrolled to it.
    const settle = () => {
      const card = document.getElementById(`finding-${index}`);
      if (card) {
        if (focus) card.focus();
        // In the middle of the window: a message shown above it a moment later does not push it out.
        else card.scrollIntoView({ block: "center" });
        return;
      }
      if (frames++ < 10) handle = requestAnimationFrame(settle);
    };
    handle = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(handle);
  }, [focusRequest, revealRequest, index, inGroup, scrollTo]);
}

/** What a card shows and does, the same in both lists. */
function cardProps({ current, onSelect, onKeyDown, onIgnore, onFix, canFix }: GroupProps) {
  return (finding: Finding, index: number) => ({
    finding,
    current: index === current,
    onSelect: () => onSelect(index),
    onKeyDown: onKeyDown(index),
    onIgnore: finding.item ? () => onIgnore(finding) : undefined,
    onFix: canFix(finding, index) ? () => onFix(finding) : undefined,
  });
}

function PlainCards(props: GroupProps) {
  const { group, current, focusRequest, revealRequest } = props;
  const cardActions = cardProps(props);
  const locale = useLocale();
  const styles = useStyles();
  const rule = RULES_BY_CODE.get(group.code);
  const inGroup = current >= group.start && current < group.start + group.findings.length;
  useReveal(current, focusRequest, revealRequest, inGroup, undefined);
  return (
    <ul className={styles.list} aria-label={rule?.title[locale] ?? group.code}>
      {group.findings.map((finding, i) => {
        const index = group.start + i;
        return (
          <FindingCard
            key={index}
            id={`finding-${index}`}
            {...cardActions(finding, index)}
          />
        );
      })}
    </ul>
  );
}

/** Where an element starts in the page (the window virtualizer's scroll margin), kept up to date. */
function usePageTop(element: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const box = element.current?.getBoundingClientRect();
      if (!box || (box.width === 0 && box.height === 0)) return; // hidden
      const next = Math.round(box.top + window.scrollY);
      setTop((old) => (old === next ? old : next));
    };
    measure();
    // Anything above that grows or shrinks (a group opened, a message shown) moves the list.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  });
  return top;
}

function VirtualCards(props: GroupProps) {
  const { group, current, focusRequest, revealRequest, shown = true } = props;
  const cardActions = cardProps(props);
  const locale = useLocale();
  const styles = useStyles();
  const rule = RULES_BY_CODE.get(group.code);
  const list = useRef<HTMLUListElement>(null);
  const top = usePageTop(list);
  const count = group.findings.length;
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => CARD_ESTIMATE,
    overscan: 4,
    gap: 8,
    scrollMargin: top,
    // The sticky toolbar covers the top of the window: a card scrolled to stands below it.
    scrollPaddingStart: 144,
    enabled: shown,
    getItemKey: (i) => group.start + i,
  });
  const inGroup = current >= group.start && current < group.start + count;
  const scrollTo = () => virtualizer.scrollToIndex(current - group.start, { align: "auto" });
  useReveal(current, focusRequest, revealRequest, inGroup, scrollTo);
  const items = shown ? virtualizer.getVirtualItems() : [];
  // The current card stays drawn while the list scrolls elsewhere: it keeps the focus and the tab stop.
  const drawn = inGroup && !items.some((item) => item.index === current - group.start) ? [...items.map((item) => item.index), current - group.start] : items.map((item) => item.index);
  const starts = new Map(items.map((item) => [item.index, item.start]));
  return (
    <ul ref={list} className={styles.virtual} style={{ height: virtualizer.getTotalSize() }} aria-label={rule?.title[locale] ?? group.code} data-virtual="true">
      {drawn.map((i) => {
        const index = group.start + i;
        const finding = group.findings[i] as Finding;
        const start = starts.get(i) ?? virtualizer.measurementsCache[i]?.start ?? top;
        return (
          <FindingCard
            key={index}
            id={`finding-${index}`}
            index={i}
            setSize={count}
            listRef={virtualizer.measureElement}
            style={{ position: "absolute", top: 0, left: 0, width: "100%", boxSizing: "border-box", transform: `translateY(${start - top}px)` }}
            {...cardActions(finding, index)}
          />
        );
      })}
    </ul>
  );
}

/**
 * The findings as a list of cards in groups (one per rule). Only the groups with errors are open at
 * first; walking to a finding opens its group; the groups opened stay open across checks. One card at a
 * time is in the tab order (roving focus): ↑/↓ move between cards, Tab reaches the current card's
 * buttons, then leaves the list. A long group draws only the cards in view.
 */
export function FindingsList(props: FindingsListProps) {
  const { groups, current, focusRequest } = props;
  const m = useMessages();
  const locale = useLocale();
  const styles = useStyles();
  const [open, setOpen] = useState<string[]>(() => groups.filter((g) => g.findings.some((f) => f.severity === "error")).map((g) => g.code));
  const currentCode = groups.find((g) => current >= g.start && current < g.start + g.findings.length)?.code;
  // Requests made before this list was shown are not for it.
  const asked = useRef(focusRequest);
  const revealAsked = useRef(0);

  // Walking (or a check that keeps the place) into a closed group opens it.
  useEffect(() => {
    const walked = focusRequest > asked.current || props.revealRequest > revealAsked.current;
    asked.current = focusRequest;
    revealAsked.current = props.revealRequest;
    if (walked && currentCode && !open.includes(currentCode)) setOpen((items) => [...items, currentCode]);
  }, [focusRequest, props.revealRequest, currentCode, open]);

  return (
    <section aria-labelledby="findings-heading" data-testid="findings">
      <h2 id="findings-heading" className={styles.heading}>
        {m.findingsHeading}
      </h2>
      <Accordion multiple collapsible openItems={open} onToggle={(_, data) => setOpen(data.openItems as string[])}>
        {groups.map((group) => {
          const rule = RULES_BY_CODE.get(group.code);
          const Cards = group.findings.length > DRAW_ALL ? VirtualCards : PlainCards;
          return (
            <AccordionItem key={group.code} value={group.code} data-testid={`group-${group.code}`}>
              <AccordionHeader as="h3" size="small">
                {rule?.title[locale] ?? group.code}（{group.findings.length}）<Text size={200}>&nbsp;{group.code}</Text>
              </AccordionHeader>
              <AccordionPanel>
                <Text size={200} className={styles.why}>
                  {rule?.why[locale]}
                </Text>
                <Cards {...props} group={group} />
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
