import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ClaimFlag } from '@contract';
import { CloseIcon, WarnIcon } from '../../ui/icons';

interface ClaimPopoverProps {
  flag: ClaimFlag;
  /** The marker button after the sentence; the popover sits under it and gives focus back to it. */
  anchor: HTMLElement;
  onClose: () => void;
}

const WIDTH = 400;
const MARGIN = 12;

interface Placement {
  left: number;
  top?: number;
  bottom?: number;
  maxHeight: number;
}

/** Under the marker, or above it (growing upwards from it) when there is little room below. */
function placeBelow(anchor: HTMLElement): Placement {
  const rect = anchor.getBoundingClientRect();
  const left = Math.max(MARGIN, Math.min(rect.left - 24, window.innerWidth - WIDTH - MARGIN));
  const below = window.innerHeight - rect.bottom - MARGIN * 3;
  if (below >= 340 || below >= rect.top) return { left, top: rect.bottom + 8, maxHeight: below };
  return {
    left,
    bottom: window.innerHeight - rect.top + 8,
    maxHeight: Math.min(rect.top - MARGIN * 2, 560),
  };
}

/**
 * The correction behind a claim flag: "Berth's demos show otherwise", the sentence, what is true
 * instead, and the demo that proves it (a compact Run card the demos feature mounts, so the run
 * shows right here). A non-modal dialog: Escape or a click elsewhere closes it, focus goes back.
 */
export function ClaimPopover({ flag, anchor, onClose }: ClaimPopoverProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(() => placeBelow(anchor));

  const close = useCallback(() => {
    onClose();
    if (anchor.isConnected) anchor.focus();
  }, [anchor, onClose]);

  useLayoutEffect(() => {
    anchor.setAttribute('aria-expanded', 'true');
    ref.current?.querySelector<HTMLElement>('.claim-popover-close')?.focus();
    return () => anchor.setAttribute('aria-expanded', 'false');
  }, [anchor]);

  useEffect(() => {
    const follow = () => (anchor.isConnected ? setPosition(placeBelow(anchor)) : onClose());
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!ref.current?.contains(target) && !anchor.contains(target)) onClose();
    };
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [anchor, onClose]);

  return createPortal(
    <div
      ref={ref}
      className="claim-popover"
      role="dialog"
      aria-labelledby={titleId}
      style={{
        left: position.left,
        top: position.top,
        bottom: position.bottom,
        maxHeight: position.maxHeight,
        width: WIDTH,
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        close();
      }}
    >
      <header className="claim-popover-head">
        <WarnIcon size={15} className="claim-popover-icon" />
        <strong id={titleId}>Berth’s demos show otherwise</strong>
        <button
          type="button"
          className="icon-btn claim-popover-close"
          aria-label="Close"
          onClick={close}
        >
          <CloseIcon size={14} />
        </button>
      </header>
      <blockquote className="claim-popover-quote">{flag.text}</blockquote>
      <p className="claim-popover-correction">{flag.correction}</p>
      <div className="berth-demo-card" data-demo-id={flag.demo} data-suggested="flag" />
    </div>,
    document.body,
  );
}
