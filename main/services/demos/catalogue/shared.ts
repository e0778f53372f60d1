/** A long-running command that exits at once on SIGTERM, so stops are quick. */
export const SLEEPER = ['sh', '-c', "trap 'exit 0' TERM; sleep 300 & wait"];

/**
 * A Dockerfile line that makes a run's builds its own: without it two runs of one demo share
 * cached images, and one run's cleanup can delete an image the other is still building on.
 */
export const RUN_MARK = 'LABEL demo.run="{{run}}"';

/** Podman 4 starts containers without NET_RAW (its default capability set); busybox ping needs it. */
export const PODMAN_NO_PING =
  'On Podman, containers start without the NET_RAW capability (Podman’s default capability set, unlike Docker’s), so ping — which this demo uses to show who can reach whom — cannot open its socket at all.';

/** Podman 4's Docker-compatible API drops the labels of volumes made on the fly. */
export const PODMAN_UNLABELLED_VOLUMES =
  'On Podman, volumes made on the fly ignore their labels (`--mount …,volume-label=…`), so this run’s anonymous volumes cannot be told apart from anyone else’s — and listing and counting them is what this demo does.';

/** Podman names the default network's bridge cni-podman0 (podman0 with netavark). */
export const PODMAN_BRIDGE_NOTE = 'On Podman, there is no docker0: the default network’s bridge is cni-podman0 (podman0 with netavark), at 10.88.0.1.';

/** Podman sends no network events. */
export const PODMAN_NO_NETWORK_EVENT =
  'On Podman, creating a network sends no event (Podman reports no network events at all); Berth’s views re-read the networks every 2 s instead.';
