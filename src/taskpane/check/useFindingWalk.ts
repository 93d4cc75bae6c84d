import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Finding } from "../../core/check/types";

/**
 * Walking the findings: the current one, moves with ↑/↓/Home/End, Enter or Space to go to its cell.
 * `onGo` is called for each finding walked to (select its cell, highlight its row). A move asks for the
 * card to be focused (`focusRequest` grows); the list focuses it once its group is open.
 */
export function useFindingWalk(findings: readonly Finding[], onGo: (finding: Finding) => void) {
  const [current, setCurrent] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  // Keys move from the finding walked to last, even before its card has the focus (a group opening).
  const latest = useRef(0);
  // A new check starts the walk again at the first finding.
  const [walked, setWalked] = useState(findings);
  if (walked !== findings) {
    setWalked(findings);
    setCurrent(0);
  }
  useEffect(() => {
    latest.current = 0;
  }, [findings]);

  const goTo = useCallback(
    (index: number, focus = true) => {
      const finding = findings[index];
      if (!finding) return;
      latest.current = index;
      setCurrent(index);
      onGo(finding);
      if (focus) setFocusRequest((n) => n + 1);
    },
    [findings, onGo],
  );

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLElement>) => {
    // Keys pressed on a button inside the card are the button's.
    if (event.target !== event.currentTarget) return;
    const from = event.key === "Enter" || event.key === " " ? index : latest.current;
    const moves: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: findings.length - 1 };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      goTo(Math.max(0, Math.min(findings.length - 1, move)));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      goTo(index);
    }
  };

  return { current, goTo, onKeyDown, focusRequest };
}
