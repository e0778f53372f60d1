import type { ReactNode } from 'react';
import { CloseIcon } from '../../ui/icons';

/** The frame of a resource's detail: title, badges, actions, tabs and a scrolling body. */
export function DetailPanel<T extends string>({
  label,
  title,
  badges,
  actions,
  tabs,
  tab,
  onTab,
  onClose,
  children,
}: {
  label: string;
  title: ReactNode;
  badges?: ReactNode;
  actions?: ReactNode;
  tabs?: readonly { id: T; label: string }[];
  tab?: T;
  onTab?: (tab: T) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <section className="rb-detail" aria-label={label}>
      <header className="rb-detail-header">
        <div className="rb-detail-title">
          <h3>{title}</h3>
          {badges}
        </div>
        {actions}
        <button type="button" className="icon-btn" aria-label="Close details" onClick={onClose}>
          <CloseIcon size={15} />
        </button>
      </header>
      {tabs && onTab && (
        <div className="rb-detail-tabs" role="tablist" aria-label={`${label} sections`}>
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={t.id === tab}
              className="rb-detail-tab"
              onClick={() => onTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      )}
      <div className="rb-detail-body" tabIndex={0}>
        {children}
      </div>
    </section>
  );
}
