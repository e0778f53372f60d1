import { lazy, Suspense, type ReactNode } from 'react';
import { NotesSidebar } from '../notes/notes-sidebar';
import { registerFileView } from '../../ui/file-views';
import {
  ActivityIcon,
  DatabaseIcon,
  FolderIcon,
  HighlighterIcon,
  NetworkIcon,
  PlayIcon,
  TimelineIcon,
} from '../../ui/icons';

// The dock's tabs load with their first showing: the note on screen does not wait for the
// code of the graph, the timeline's canvas or the demo runner to be parsed.
const StorageView = lazy(() => import('../volumes/storage-view').then((m) => ({ default: m.StorageView })));
const NetworksView = lazy(() => import('../networks/networks-view').then((m) => ({ default: m.NetworksView })));
const TimelineView = lazy(() => import('../timeline/timeline-view').then((m) => ({ default: m.TimelineView })));
const DemosPane = lazy(() => import('../demos/demos-pane').then((m) => ({ default: m.DemosPane })));
const DockerPane = lazy(() => import('../docker/docker-pane').then((m) => ({ default: m.DockerPane })));
const CanvasView = lazy(() => import('../canvas/canvas-view').then((m) => ({ default: m.CanvasView })));
const AnnotationsPanel = lazy(() =>
  import('../annotations/annotations-panel').then((m) => ({ default: m.AnnotationsPanel })),
);

/** A tab of the right-hand Docker pane. Features add theirs here. */
export interface DockTab {
  id: string;
  label: string;
  icon: ReactNode;
  render: () => ReactNode;
}

/** The tabs of the right-hand pane, in order. */
export const dockTabs: DockTab[] = [
  { id: 'storage', label: 'Storage', icon: <DatabaseIcon />, render: () => <StorageView /> },
  { id: 'networks', label: 'Networks', icon: <NetworkIcon />, render: () => <NetworksView /> },
  { id: 'timeline', label: 'Timeline', icon: <TimelineIcon />, render: () => <TimelineView /> },
  { id: 'demos', label: 'Demos', icon: <PlayIcon />, render: () => <DemosPane /> },
  { id: 'docker', label: 'Docker', icon: <ActivityIcon />, render: () => <DockerPane /> },
  { id: 'annotations', label: 'Annotations', icon: <HighlighterIcon />, render: () => <AnnotationsPanel /> },
];

/** A view of the left sidebar (files, search, tags…). Features add theirs here. */
export interface SidebarView {
  id: string;
  label: string;
  icon: ReactNode;
  render: () => ReactNode;
}

/** The left sidebar's views, in order. Empty until the notes feature registers its own. */
export const sidebarViews: SidebarView[] = [
  { id: 'notes', label: 'Notes', icon: <FolderIcon />, render: () => <NotesSidebar /> },
];

// Files that are not notes but open in the reader: Obsidian canvases.
registerFileView({
  id: 'canvas',
  extensions: ['canvas'],
  render: (host) => (
    <Suspense fallback={<div className="canvas-loading" aria-busy="true" />}>
      <CanvasView key={host.path} host={host} />
    </Suspense>
  ),
});
