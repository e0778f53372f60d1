import type { ReactNode } from 'react';
import { AnnotationsPanel, HighlighterIcon } from '../annotations/annotations-panel';
import { DemosPane } from '../demos/demos-pane';
import { DockerPane } from '../docker/docker-pane';
import { StorageView } from '../volumes/storage-view';
import { NetworksView } from '../networks/networks-view';
import { NotesSidebar } from '../notes/notes-sidebar';
import { TimelineView } from '../timeline/timeline-view';
import { ActivityIcon, DatabaseIcon, FolderIcon, NetworkIcon, PlayIcon, TimelineIcon } from '../../ui/icons';

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
