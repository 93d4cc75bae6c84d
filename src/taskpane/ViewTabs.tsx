import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent, type Ref } from "react";

const useStyles = makeStyles({
  list: { display: "flex", gap: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: { borderRadius: 0, borderBottom: `${tokens.strokeWidthThicker} solid transparent`, fontWeight: tokens.fontWeightRegular },
  selected: { borderBottom: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}`, fontWeight: tokens.fontWeightSemibold },
});

export interface ViewTab<T extends string> {
  value: T;
  label: string;
  /** The id of the panel the tab shows. */
  panel: string;
}

/**
 * Tabs between the views of a narrow pane, as the ARIA tabs pattern has them
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab in the tab order, ←/→/Home/End move between
 * tabs and choose them. Fluent's TabList does the same through tabster, whose hidden focusable helpers
 * inside the list are reported by accessibility checkers (aria-hidden-focus,
 * https://github.com/microsoft/fluentui/issues/27517); these are plain buttons.
 */
export function ViewTabs<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  listRef,
  testId,
}: {
  tabs: readonly ViewTab<T>[];
  selected: T;
  onSelect: (value: T) => void;
  label?: string;
  listRef?: Ref<HTMLDivElement>;
  testId?: string;
}) {
  const styles = useStyles();
  const buttons = useRef(new Map<T, HTMLButtonElement | null>());
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.value === selected);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = tabs[(move + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.value);
    buttons.current.get(next.value)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} ref={listRef} className={styles.list} onKeyDown={onKeyDown} data-testid={testId}>
      {tabs.map((tab) => {
        const isSelected = tab.value === selected;
        return (
          <Button
            key={tab.value}
            ref={(button: HTMLButtonElement | HTMLAnchorElement | null) => void buttons.current.set(tab.value, button as HTMLButtonElement | null)}
            role="tab"
            id={`${tab.panel}-tab`}
            aria-selected={isSelected}
            aria-controls={tab.panel}
            tabIndex={isSelected ? 0 : -1}
            appearance="subtle"
            size="small"
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
          >
            {tab.label}
          </Button>
        );
      })}
    </div>
  );
}
