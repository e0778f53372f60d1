import { CheckIcon, CloseIcon, CopyIcon, InfoIcon, WarnIcon } from './icons';
import { dismissToast, useToasts, type Toast } from './toasts';

const icons: Record<Toast['tone'], typeof InfoIcon> = {
  info: InfoIcon,
  ok: CheckIcon,
  warn: WarnIcon,
  danger: WarnIcon,
};

/** The toasts in the corner: polite for news, assertive for errors. */
export function ToastRegion() {
  const toasts = useToasts();
  return (
    <section className="toast-region" aria-label="Notifications">
      <div role="status" aria-live="polite" className="toast-stack">
        {toasts.map((toast) => {
          const Icon = icons[toast.tone];
          return (
            <div
              key={toast.id}
              className={`toast tone-${toast.tone}`}
              role={toast.tone === 'danger' ? 'alert' : undefined}
              data-toast={toast.tone}
            >
              <Icon className="toast-icon" />
              <div className="toast-text">
                <strong>{toast.title}</strong>
                {toast.body && <span className="toast-body">{toast.body}</span>}
                {toast.action && (
                  <button
                    type="button"
                    className="btn btn-sm toast-copy toast-action"
                    onClick={() => {
                      dismissToast(toast.id);
                      toast.action?.run();
                    }}
                  >
                    {toast.action.label}
                  </button>
                )}
                {toast.copy && (
                  <button
                    type="button"
                    className="btn btn-sm toast-copy"
                    onClick={() => void navigator.clipboard?.writeText(toast.copy ?? '')}
                  >
                    <CopyIcon size={13} /> Copy path
                  </button>
                )}
              </div>
              <button
                type="button"
                className="icon-btn toast-close"
                aria-label="Dismiss notification"
                onClick={() => dismissToast(toast.id)}
              >
                <CloseIcon size={14} />
              </button>
            </div>
          );
        })}
      </div>
    </section>
  );
}
