import { onTabListKeyDown } from '../../ui/tab-keys';
import { FileTree } from './file-tree';
import { FilesIcon, HashIcon, ListIcon } from './note-icons';
import { notesStore, useNotesState, type SidebarTab } from './notes-store';
import { OutlineView } from './outline-view';
import { SearchView } from './search-view';
import { TagsView } from './tags-view';

const SearchGlyph = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </svg>
);

const tabs: { id: SidebarTab; label: string; icon: React.ReactNode }[] = [
  { id: 'files', label: 'Files', icon: <FilesIcon /> },
  { id: 'search', label: 'Search', icon: <SearchGlyph /> },
  { id: 'tags', label: 'Tags', icon: <HashIcon /> },
  { id: 'outline', label: 'Outline', icon: <ListIcon /> },
];

/** The notes sidebar: files, search, tags and outline of the open vault. */
export function NotesSidebar() {
  const { sidebarTab } = useNotesState();
  return (
    <div className="notes-sidebar">
      <nav className="notes-sidebar-tabs" role="tablist" aria-label="Vault views" onKeyDown={onTabListKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === sidebarTab}
            tabIndex={tab.id === sidebarTab ? 0 : -1}
            aria-label={tab.label}
            title={tab.label}
            className="notes-sidebar-tab"
            onClick={() => (tab.id === 'search' ? notesStore.focusSearch() : notesStore.showTab(tab.id))}
          >
            {tab.icon}
          </button>
        ))}
      </nav>
      <div className="notes-sidebar-body" role="tabpanel" aria-label={tabs.find((t) => t.id === sidebarTab)?.label}>
        {sidebarTab === 'files' && <FileTree />}
        {sidebarTab === 'search' && <SearchView />}
        {sidebarTab === 'tags' && <TagsView />}
        {sidebarTab === 'outline' && <OutlineView />}
      </div>
    </div>
  );
}
