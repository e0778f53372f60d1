import type { SVGProps } from 'react';

/** Props of Berth's line icons: an SVG's props plus a square size in pixels. */
export type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/** The shared attributes of a 24×24 line icon (stroke in the current colour, hidden from screen readers). */
export function iconAttributes({ size = 16, ...rest }: IconProps) {
  return {
    width: size,
    height: size,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.8,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    'aria-hidden': true,
    ...rest,
  };
}

/** Berth's mark: a ship's berth — a container resting on a quay. */
export function BerthLogo(props: IconProps) {
  return (
    <svg {...iconAttributes({ size: 20, ...props })} viewBox="0 0 32 32" strokeWidth={0}>
      <rect x="1" y="1" width="30" height="30" rx="8" fill="var(--accent)" />
      <rect x="7" y="9" width="18" height="9" rx="1.5" fill="var(--on-accent)" opacity="0.95" />
      <path d="M11 10.5v6M14.5 10.5v6M18 10.5v6M21.5 10.5v6" stroke="var(--accent)" strokeWidth="1.4" />
      <path d="M5 22.5h22" stroke="var(--on-accent)" strokeWidth="2.2" strokeLinecap="round" />
      <path d="M8 26h16" stroke="var(--on-accent)" strokeWidth="1.6" strokeLinecap="round" opacity="0.7" />
    </svg>
  );
}

export const DatabaseIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <ellipse cx="12" cy="5.5" rx="7.5" ry="2.8" />
    <path d="M4.5 5.5v6.5c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8V5.5" />
    <path d="M4.5 12v6.5c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8V12" />
  </svg>
);

export const ActivityIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M3 12h4l2.5-6 5 12 2.5-6h4" />
  </svg>
);

export const NetworkIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <rect x="9" y="3" width="6" height="5" rx="1" />
    <rect x="3" y="16" width="6" height="5" rx="1" />
    <rect x="15" y="16" width="6" height="5" rx="1" />
    <path d="M12 8v4M6 16v-4h12v4" />
  </svg>
);

export const PlayIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M7 4.5v15l12-7.5z" />
  </svg>
);

export const FolderIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M3.5 6.5a2 2 0 0 1 2-2h4l2 2.5h7a2 2 0 0 1 2 2v8.5a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z" />
  </svg>
);

export const SearchIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m20 20-4.3-4.3" />
  </svg>
);

export const RefreshIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M20 11a8 8 0 0 0-14.7-4.4M4 5v4h4M4 13a8 8 0 0 0 14.7 4.4M20 19v-4h-4" />
  </svg>
);

export const AlertIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M12 3.5 2.5 20h19z" />
    <path d="M12 10v4.5M12 17.2v.3" />
  </svg>
);

export const CloseIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M6 6l12 12M18 6 6 18" />
  </svg>
);

export const SettingsIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
  </svg>
);

export const CheckIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </svg>
);

export const InfoIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5.5M12 7.6v.1" />
  </svg>
);

export const WarnIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M12 3.8L2.8 19.5h18.4z" />
    <path d="M12 10v4.5M12 17.2v.1" />
  </svg>
);

export const CopyIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <rect x="8.5" y="8.5" width="11" height="11" rx="2" />
    <path d="M15.5 8.5V6a1.5 1.5 0 0 0-1.5-1.5H6A1.5 1.5 0 0 0 4.5 6v8A1.5 1.5 0 0 0 6 15.5h2.5" />
  </svg>
);
export const TimelineIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M3 6h9M3 12h14M3 18h6" />
    <path d="M15 4v4M20 10v4M12 16v4" />
  </svg>
);

/** An engine / server (the engine switcher's items). */
export const ServerIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <rect x="3.5" y="4" width="17" height="7" rx="1.5" />
    <rect x="3.5" y="13" width="17" height="7" rx="1.5" />
    <path d="M7 7.5h.01M7 16.5h.01M11 7.5h6M11 16.5h6" />
  </svg>
);

/** A small chevron pointing up (menus that open upwards). */
export const ChevronUpIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="M7 14l5-5 5 5" />
  </svg>
);

/** A highlighter pen (annotations). */
export const HighlighterIcon = (p: IconProps) => (
  <svg {...iconAttributes(p)}>
    <path d="m9 11-6 6v3h9l3-3" />
    <path d="m22 12-4.6 4.6a2 2 0 0 1-2.8 0l-5.2-5.2a2 2 0 0 1 0-2.8L14 4" />
  </svg>
);
