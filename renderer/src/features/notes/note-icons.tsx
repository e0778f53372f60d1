import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;
const base = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export const ArrowLeftIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M19 12H5M12 19l-7-7 7-7" /></svg>);
export const ArrowRightIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M5 12h14M12 5l7 7-7 7" /></svg>);
export const FileTextIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" /><path d="M14 3v6h6M8 13h8M8 17h6" /></svg>);
export const ImageIcon = (p: IconProps) => (<svg {...base} {...p}><rect x="3" y="3" width="18" height="18" rx="2" /><circle cx="9" cy="9" r="2" /><path d="m21 15-5-5L5 21" /></svg>);
export const ChevronIcon = (p: IconProps) => (<svg {...base} {...p}><path d="m9 18 6-6-6-6" /></svg>);
export const HashIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M4 9h16M4 15h16M10 3 8 21M16 3l-2 18" /></svg>);
export const ListIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01" /></svg>);
export const FilesIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M15 2H8a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V7z" /><path d="M15 2v5h5M4 8v12a2 2 0 0 0 2 2h9" /></svg>);
export const DownloadIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M7 10l5 5 5-5M12 15V3" /></svg>);
export const LinkIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" /><path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" /></svg>);
export const VaultIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M4 20h16a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-8l-2-3H4a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1z" /></svg>);
export const CommandIcon = (p: IconProps) => (<svg {...base} {...p}><path d="M18 3a3 3 0 0 0-3 3v12a3 3 0 1 0 3-3H6a3 3 0 1 0 3 3V6a3 3 0 1 0-3 3h12a3 3 0 0 0 0-6z" /></svg>);
export const CanvasIcon = (p: IconProps) => (<svg {...base} {...p}><rect x="3" y="3" width="7" height="7" rx="1.5" /><rect x="14" y="14" width="7" height="7" rx="1.5" /><path d="M10 6.5h4a3 3 0 0 1 3 3V14" /></svg>);
