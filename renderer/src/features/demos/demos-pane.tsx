import { useMemo, useState } from 'react';
import { useQuery } from '../../api';
import { PlayIcon, SearchIcon } from '../../ui/icons';
import { DemoDetail } from './demo-detail';
import { NoteDemosList } from './note-demos-list';
import { useRun, useLatestRunId } from './runs-store';
import { StatusIcon } from './status-icons';
import type { DemoSummary } from '@contract';
import './demos.css';

const TOPIC_ORDER = ['Storage', 'Images', 'Runtime', 'Networking', 'Compose'];

function matches(demo: DemoSummary, query: string): boolean {
  if (!query) return true;
  const hay = `${demo.id} ${demo.title} ${demo.summary} ${demo.topic} ${demo.note} ${demo.steps.map((s) => s.title).join(' ')}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

function DemoRow({ demo, onOpen }: { demo: DemoSummary; onOpen: () => void }) {
  const run = useRun(useLatestRunId(demo.id));
  return (
    <li>
      <button type="button" className="demo-row" onClick={onOpen} data-demo-row={demo.id}>
        <span className="demo-row-icon">{run ? <StatusIcon status={run.status} /> : <PlayIcon size={14} />}</span>
        <span className="demo-row-text">
          <span className="demo-row-title">{demo.title}</span>
          <span className="demo-row-summary">{demo.summary}</span>
        </span>
        {demo.requires && <span className="badge">{demo.requires}</span>}
      </button>
    </li>
  );
}

/** The Demos tab of the right pane: the catalogue by topic, with search, and each demo's runs. */
export function DemosPane() {
  const list = useQuery('demos.list', {}, { invalidateOn: ['demos.history'] });
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string>();
  const demos = useMemo(() => list.data?.demos ?? [], [list.data]);
  const groups = useMemo(() => {
    const found = demos.filter((d) => matches(d, query.trim()));
    const topics = [...new Set(found.map((d) => d.topic))].sort((a, b) => (TOPIC_ORDER.indexOf(a) + 99) % 99 - ((TOPIC_ORDER.indexOf(b) + 99) % 99));
    return topics.map((topic) => ({ topic, demos: found.filter((d) => d.topic === topic) }));
  }, [demos, query]);
  const open = demos.find((d) => d.id === openId);

  if (open) return <DemoDetail demo={open} onBack={() => setOpenId(undefined)} />;

  return (
    <div className="dock-view demos-pane" aria-label="Demos">
      <div className="dock-view-header">
        <PlayIcon />
        <h2>Demos</h2>
        {list.data && <span className="badge">{demos.length}</span>}
      </div>
      <label className="demo-search">
        <SearchIcon size={14} />
        <input type="search" placeholder="Search demos…" aria-label="Search demos" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {list.error && (
        <div className="empty-state">
          <strong>Could not load the demos</strong>
          <span>{list.error.message}</span>
        </div>
      )}
      {list.data && groups.length === 0 && (
        <div className="empty-state">
          <strong>No demo matches “{query}”</strong>
          <span>Try a word like volume, cache or network.</span>
        </div>
      )}
      {!query.trim() && <NoteDemosList demos={demos} />}
      <div className="demo-groups">
        {groups.map((group) => (
          <section key={group.topic} className="demo-group" aria-label={group.topic}>
            <h3 className="demo-group-title">
              {group.topic} <span className="demo-group-count">{group.demos.length}</span>
            </h3>
            <ul className="demo-list">
              {group.demos.map((demo) => (
                <DemoRow key={demo.id} demo={demo} onOpen={() => setOpenId(demo.id)} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {list.data?.image && <div className="demo-image-note muted">Demos run on {list.data.image.image.split('@')[0]} — {list.data.image.source.startsWith('fallback') ? 'built locally (no registry)' : 'pinned by digest'}.</div>}
    </div>
  );
}
