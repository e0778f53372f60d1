import { useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { AppCommand } from '@contract/app-menu';
import { registerCommand } from '../commands';
import { DemoCard } from './demo-card';
import { startDemo } from './runs-store';
import { SuggestedDemoCard } from './suggested-demo-card';
import { VaultDemoCard } from './vault-demo-card';
import './demos.css';

const SELECTOR =
  '.berth-demo-card[data-demo-id], .berth-demo-card[data-vault-demo-index][data-note-path]';

/**
 * Mounts a Run card into every `berth-demo` placeholder the notes feature renders
 * (`<div class="berth-demo-card" data-demo-id="…">` with the block text as caption), and
 * unmounts it when the note is re-rendered. Works with any note view, by watching the DOM.
 */
export function DemoCardHost() {
  useEffect(() => {
    const roots = new Map<HTMLElement, Root>();
    const mount = (holder: HTMLElement) => {
      if (roots.has(holder)) return;
      const demoId = holder.dataset.demoId ?? '';
      const captionElement = holder.querySelector('.berth-demo-caption');
      const caption = captionElement?.textContent?.trim() ?? '';
      const suggested = holder.dataset.suggested;
      // A demo written in the note itself: its YAML is the placeholder's code until the card mounts.
      const vaultIndex = holder.dataset.vaultDemoIndex;
      const source =
        vaultIndex !== undefined ? (holder.querySelector('code')?.textContent ?? '') : '';
      holder.classList.add('has-card');
      const slot = document.createElement('div');
      slot.className = 'berth-demo-slot';
      holder.replaceChildren(slot);
      const root = createRoot(slot);
      // `data-suggested`: a demo Berth suggests beside the note (not in the file), drawn compact.
      root.render(
        vaultIndex !== undefined ? (
          <VaultDemoCard
            notePath={holder.dataset.notePath ?? ''}
            index={Number(vaultIndex)}
            source={source}
          />
        ) : suggested === 'section' || suggested === 'flag' ? (
          <SuggestedDemoCard
            demoId={demoId}
            holder={holder}
            variant={suggested}
            why={holder.dataset.why ?? ''}
          />
        ) : (
          <DemoCard demoId={demoId} caption={caption} />
        ),
      );
      roots.set(holder, root);
    };
    const sweep = () => {
      for (const [holder, root] of roots) {
        if (!holder.isConnected) {
          roots.delete(holder);
          // Unmount outside of React's own render pass.
          queueMicrotask(() => root.unmount());
        }
      }
      document.querySelectorAll<HTMLElement>(SELECTOR).forEach((holder) => {
        if (!holder.closest('.berth-demo-slot')) mount(holder);
      });
    };
    sweep();
    let queued = 0;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = requestAnimationFrame(() => {
        queued = 0;
        sweep();
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    // "Run Demo of This Note" (Ctrl/Cmd+Enter): the first demo card in the open note.
    const firstCard = () =>
      document.querySelector<HTMLElement>(
        '.note-reader .berth-demo-card[data-demo-id]:not([data-suggested]), .note-reader .berth-demo-card[data-vault-demo-index]:has(.vault-demo-card[data-vault-demo])',
      ) ?? document.querySelector<HTMLElement>('.note-reader .berth-demo-card[data-demo-id]');
    const disposeCommand = registerCommand({
      id: AppCommand.runDemo,
      title: 'Run Demo of This Note',
      enabled: () => Boolean(firstCard()),
      run: async () => {
        const card = firstCard();
        // A demo written in the note goes through its own card (which asks for trust first).
        if (card?.dataset.vaultDemoIndex !== undefined) {
          card.scrollIntoView({ block: 'center', behavior: 'smooth' });
          card.querySelector<HTMLButtonElement>('.demo-run-button .btn-primary')?.click();
          return;
        }
        const demoId = card?.dataset.demoId;
        if (!card || !demoId) return;
        card.scrollIntoView({ block: 'center', behavior: 'smooth' });
        await startDemo(demoId);
      },
    });
    return () => {
      disposeCommand();
      observer.disconnect();
      cancelAnimationFrame(queued);
      for (const root of roots.values()) queueMicrotask(() => root.unmount());
      roots.clear();
    };
  }, []);
  return null;
}
