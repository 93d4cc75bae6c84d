import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Finding } from "../../core/check/types";
import { findingKey } from "../engine/view";


/**
 * Walking the findings: the current one, moves with ↑/↓/Home/End, Enter or Space to go to its cell.
 * `onGo` is called for each finding walked to (select its cell, highlight its row). A move asks for the
 * card to be focused (`focusRequest` grows); the list focuses it once it is drawn.
 *
 * A new list of findings (a check after a fix, an ignore, a setting) keeps the place: the same finding
 * when it is still there, else the one that took its place. A first check, or another `scope` (the
 * department filter), starts at the first finding, which is brought into view (`revealRequest`).
 */
export function useFindingWalk(
  findings: readonly Finding[],
  onGo: (finding: Finding) => void,
  scope = "",
  /** Told of the place a new list starts at (the row view shows it; the host's selection is left alone). */
  onShow?: (finding: Finding) => void,
) {
  const [current, setCurrent] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const [revealRequest, setRevealRequest] = useState(0);
  // Keys move from the finding walked to last, even before its card has the focus (a group opening).
  const latest = useRef(0);
  const [walked, setWalked] = useState({ findings, scope });
  if (walked.findings !== findings || walked.scope !== scope) {
    const previous = walked.findings[current];
    let next = 0;
    if (walked.scope === scope && previous && walked.findings.length > 0) {
      const key = findingKey(previous);
      const same = findings.findIndex((f) => findingKey(f) === key);
      next = same >= 0 ? same : Math.max(0, Math.min(current, findings.length - 1));
    }
    setWalked({ findings, scope });
    setCurrent(next);
    if (findings.length > 0) setRevealRequest((n) => n + 1);
    const finding = findings[next];
    // The row view follows the walk's place (after the render: onShow sets the parent's state).
    if (finding && onShow) queueMicrotask(() => onShow(finding));
  }

  // A new list: keys move from the place it kept.
  useEffect(() => {
    latest.current = current;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes, not at each move
  }, [walked]);

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

  return { current, goTo, onKeyDown, focusRequest, revealRequest };
}
