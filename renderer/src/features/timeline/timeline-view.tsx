import { useCallback, useEffect, useRef, useState } from 'react';
import type { TimelineModel } from '@contract';
import { getApi, useEvent, useQuery } from '../../api';
import { showToast } from '../../ui/toasts';
import { useOpenNote } from '../../ui/open-note';
import { TimelineCanvas, zoomView } from './timeline-canvas';
import type { TimelineViewport } from './timeline-draw';
import { TimelineStates } from './timeline-states';
import { useStepLink } from './use-step-link';
import { downloadPng, downloadText } from './timeline-export';
import './timeline.css';

const LIVE = 'live';

function fit(model: TimelineModel | undefined): TimelineViewport {
  if (!model) return { from: Date.now() - 60_000, to: Date.now(), scrollRow: 0 };
  const pad = Math.max(50, (model.to - model.from) * 0.03);
  return { from: model.from - pad, to: model.to + pad, scrollRow: 0 };
}

/**
 * The lifecycle as a picture: one row per container, volume, mount and network, states as
 * coloured segments over time. Live (following the head), or any past demo run replayed from its
 * recorded events, with its steps as bands; export as SVG/PNG or save into the open note.
 */
export function TimelineView() {
  const [source, setSource] = useState<string>(LIVE);
  const [follow, setFollow] = useState(true);
  const runs = useQuery('demos.listRuns', { limit: 30 }, { invalidateOn: ['demos.history', 'engines.changed'] });
  const live = useQuery(
    'timeline.live',
    {},
    { invalidateOn: ['volumes.delta', 'networks.changed', 'demos.run'], enabled: source === LIVE },
  );
  const run = useQuery(
    'timeline.forRun',
    source === LIVE ? null : { runId: source },
    { invalidateOn: ['demos.run'] },
  );
  const model = source === LIVE ? live.data : run.data;
  const [view, setView] = useState<TimelineViewport>(() => fit(undefined));
  const [cursor, setCursor] = useState<number>();
  const [selectedRow, setSelectedRow] = useState(0);
  const [playing, setPlaying] = useState(false);
  const fitted = useRef<string>('');
  const openNote = useOpenNote();

  // A demo that starts while following is shown as it happens.
  useEvent('demos.run', (event) => {
    if (follow && event.type === 'run-started') setSource(event.runId);
  });

  useEffect(() => {
    if (!model) return;
    const key = `${source}:${model.runId ?? ''}`;
    if (fitted.current !== key || (follow && source !== LIVE)) {
      fitted.current = key;
      setView(fit(model));
    }
  }, [model, source, follow]);

  const root = useRef<HTMLElement>(null);
  // The run view asked for one of its steps: show that run, not the live head.
  const showRun = useCallback((runId: string) => {
    setFollow(false);
    setSource(runId);
  }, []);
  const { selectedBand, showInRunView } = useStepLink({
    model,
    root,
    showRun,
    setView,
    setCursor,
  });

  // Live and following: the window slides with the clock.
  useEffect(() => {
    if (source !== LIVE || !follow) return;
    const timer = setInterval(
      () =>
        setView((v) => ({
          ...v,
          from: Date.now() - (v.to - v.from) * 0.95,
          to: Date.now() + (v.to - v.from) * 0.05,
        })),
      1000,
    );
    return () => clearInterval(timer);
  }, [source, follow]);

  // Replay: the cursor sweeps the run in at most ten seconds.
  useEffect(() => {
    if (!playing || !model) return;
    const span = model.to - model.from;
    const duration = Math.min(10_000, Math.max(3_000, span));
    const started = performance.now();
    let frame = 0;
    const tick = () => {
      const progress = Math.min(1, (performance.now() - started) / duration);
      setCursor(model.from + span * progress);
      if (progress < 1) frame = requestAnimationFrame(tick);
      else setPlaying(false);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, model]);

  const at = cursor ?? model?.to;

  const exportSvg = async () => {
    try {
      const theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
      const { fileName, svg } = await getApi().call('timeline.svg', {
        ...(source !== LIVE ? { runId: source } : {}),
        theme,
      });
      downloadText(fileName, svg, 'image/svg+xml');
    } catch (error) {
      showToast({
        tone: 'warn',
        title: 'Could not export the timeline',
        body: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const saveToNote = async () => {
    if (!openNote || source === LIVE) return;
    const heading = openNote.body.querySelector('h2, h3')?.textContent?.trim();
    try {
      const theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
      const saved = await getApi().call('timeline.saveToNote', {
        runId: source,
        path: openNote.notePath,
        theme,
        ...(heading ? { heading } : {}),
      });
      showToast({
        tone: 'ok',
        title: 'Timeline saved into the note',
        body: `${saved.attachment}, embedded${heading ? ` under “${heading}”` : ''}.`,
        action: {
          label: 'Undo',
          run: () => void getApi().call('timeline.undoSave', { undoToken: saved.undoToken }),
        },
      });
    } catch (error) {
      showToast({
        tone: 'warn',
        title: 'Could not save the timeline',
        body: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return (
    <section ref={root} className="timeline-view" aria-label="Lifecycle timeline">
      <div className="timeline-toolbar" role="toolbar" aria-label="Timeline">
        <label className="timeline-source">
          <span className="visually-hidden">Show</span>
          <select
            value={source}
            onChange={(e) => setSource(e.target.value)}
            aria-label="Timeline of"
          >
            <option value={LIVE}>Live: everything Berth has seen</option>
            {(runs.data?.runs ?? []).map((r) => (
              <option key={r.runId} value={r.runId}>
                {r.title} · {r.status} · {new Date(r.startedAt).toLocaleTimeString()}
              </option>
            ))}
          </select>
        </label>
        <label className="timeline-follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />{' '}
          Follow
        </label>
        <span className="timeline-spacer" />
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => setView((v) => zoomView(v, 1.25, cursor))}
          aria-label="Zoom out"
        >
          −
        </button>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => setView((v) => zoomView(v, 0.8, cursor))}
          aria-label="Zoom in"
        >
          +
        </button>
        <button type="button" className="btn btn-sm" onClick={() => setView(fit(model))}>
          Fit
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!model || source === LIVE}
          onClick={() => setPlaying((p) => !p)}
        >
          {playing ? 'Pause' : 'Replay'}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!model}
          onClick={() => void exportSvg()}
        >
          SVG
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!model}
          onClick={() => model && downloadPng(model, `berth-timeline-${model.runId ?? 'live'}.png`)}
        >
          PNG
        </button>
        <button
          type="button"
          className="btn btn-sm btn-primary"
          disabled={!model || source === LIVE || !openNote}
          title={openNote ? `Save into ${openNote.notePath}` : 'Open a note first'}
          onClick={() => void saveToNote()}
        >
          Save to note
        </button>
      </div>
      {!model ? (
        <p className="timeline-empty muted">
          {(source === LIVE ? live.error : run.error)?.message ?? 'Loading the timeline…'}
        </p>
      ) : model.rows.length === 0 ? (
        <p className="timeline-empty muted">
          Nothing has happened yet. Run a demo, or create a volume with the docker CLI, and watch it
          appear here.
        </p>
      ) : (
        <div className="timeline-body">
          <TimelineCanvas
            model={model}
            view={view}
            onView={(v) => {
              setView(v);
              if (source === LIVE) setFollow(false);
            }}
            {...(cursor !== undefined ? { cursor } : {})}
            onCursor={setCursor}
            selectedRow={selectedRow}
            onSelectRow={setSelectedRow}
            selectedBand={selectedBand}
            onBand={showInRunView}
          />
          <TimelineStates
            model={model}
            at={at ?? model.from}
            selectedRow={selectedRow}
            onSelectRow={setSelectedRow}
          />
        </div>
      )}
    </section>
  );
}
