import { BerthLogo } from '../../ui/icons';

/** Shown in the centre when no note is open. */
export function WelcomeView() {
  return (
    <div className="welcome">
      <BerthLogo size={56} />
      <h1>Berth</h1>
      <p className="muted">
        Study Docker from your notes, watch what the daemon really does on the right, and run the demo that proves each
        claim.
      </p>
    </div>
  );
}
