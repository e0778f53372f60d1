import { useState } from 'react';
import type { HostInterface, HostSide } from '@contract';
import { getApi } from '../../api';
import { RefreshIcon } from '../../ui/icons';

function Veth({ iface }: { iface: HostInterface }) {
  return (
    <li className="net-veth" data-veth={iface.name}>
      <span className="mono">{iface.name}</span>
      <span className="net-veth-wire" aria-hidden>
        ⟷
      </span>
      {iface.containerName ? (
        <span>
          <strong>{iface.containerName}</strong>{' '}
          <span className="mono faint">
            {iface.containerInterface ?? 'eth'} (if{iface.peerIndex})
          </span>
        </span>
      ) : (
        <span className="faint">peer if{iface.peerIndex ?? '?'} (container not matched)</span>
      )}
    </li>
  );
}

/**
 * The engine host's side: each bridge (docker0, br-…) with the veths plugged into it and the
 * container at the other end, read on demand by a short-lived helper on --network host.
 */
export function HostSidePanel({ connected }: { connected: boolean }) {
  const [side, setSide] = useState<HostSide>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const read = () => {
    setBusy(true);
    setError(undefined);
    getApi()
      .call('networks.hostSide', {})
      .then(setSide, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  const bridges = side?.interfaces.filter((i) => i.kind === 'bridge') ?? [];
  const others = side?.interfaces.filter((i) => i.kind === 'other' || i.kind === 'dummy') ?? [];
  return (
    <div className="net-host" data-testid="host-side">
      <div className="net-host-bar">
        <p className="muted small">
          What the engine host sees: its bridges and the veth pairs that plug containers into them.
          Berth reads it with a short-lived helper container on <code>--network host</code> (
          <code>ip -o link</code>, <code>ip -o addr</code>).
        </p>
        <button type="button" className="btn btn-sm" onClick={read} disabled={!connected || busy}>
          <RefreshIcon size={14} /> {busy ? 'Reading…' : side ? 'Read again' : 'Read host side'}
        </button>
      </div>
      {error && <div className="net-empty tone-danger">{error}</div>}
      {side && !side.available && (
        <div className="net-empty tone-warn" role="status">
          {side.reason}
        </div>
      )}
      {side?.available && (
        <>
          <p className="small muted" data-testid="veth-matching">
            {side.matching}
          </p>
          <div className="net-bridges">
            {bridges.map((b) => {
              const veths = side.interfaces.filter((i) => i.kind === 'veth' && i.master === b.name);
              return (
                <section key={b.name} className="net-bridge" data-bridge={b.name}>
                  <header>
                    <strong className="mono">{b.name}</strong>
                    {b.networkName && <span className="net-chip">network {b.networkName}</span>}
                    <span className="mono faint small">{b.addresses.join(' ')}</span>
                    <span className={`net-link-state ${b.state === 'UP' ? 'is-up' : ''}`}>
                      {b.state === 'NO-CARRIER' ? 'no carrier (no veth)' : b.state}
                    </span>
                  </header>
                  {veths.length ? (
                    <ul className="net-veths">
                      {veths.map((v) => (
                        <Veth key={v.name} iface={v} />
                      ))}
                    </ul>
                  ) : (
                    <div className="faint small">
                      No veth plugged in: no running container on this network.
                    </div>
                  )}
                </section>
              );
            })}
          </div>
          {others.length > 0 && (
            <p className="small faint">
              Other interfaces:{' '}
              {others
                .map((o) => `${o.name}${o.addresses.length ? ` (${o.addresses.join(', ')})` : ''}`)
                .join(' · ')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
