import type { ActionEnv, ActionOutcome } from './action-env';
import { containerLifecycle, execInContainer } from './container-actions';
import { containerInsight } from './container-insight-actions';
import type { DemoAction } from './demo-schema';
import { engineQuery } from './engine-actions';
import { buildImage, imageMeta } from './image-actions';
import { compose, hostFile, table, volumeOrNetwork } from './misc-actions';
import { runContainer, type PreparedRun } from './run-container';

/** Does the one Docker thing an action describes; a `run` may come with its container made ahead. */
export async function executeAction(action: DemoAction, env: ActionEnv, prepared?: PreparedRun | null): Promise<ActionOutcome> {
  switch (action.kind) {
    case 'run':
      return runContainer(action, env, prepared);
    case 'exec':
      return execInContainer(action, env);
    case 'start':
    case 'stop':
    case 'kill':
    case 'remove':
    case 'inspect-container':
      return containerLifecycle(action, env);
    case 'build':
      return buildImage(action, env);
    case 'tag':
    case 'image-inspect':
    case 'image-history':
    case 'image-remove':
      return imageMeta(action, env);
    case 'engine-info':
    case 'system-df':
    case 'volume-inspect':
    case 'volume-prune':
      return engineQuery(action, env);
    case 'logs':
    case 'diff':
    case 'container-volumes':
    case 'watch-restarts':
      return containerInsight(action, env);
    case 'volume-create':
    case 'volume-list':
    case 'network-create':
    case 'network-connect':
    case 'port':
      return volumeOrNetwork(action, env);
    case 'host-write':
    case 'host-read':
      return hostFile(action, env);
    case 'compose':
      return compose(action, env);
    case 'table':
      return table(action, env);
  }
}

/** The container a step is about, for state expectations. */
export function containerKeyOf(action: DemoAction): string | undefined {
  return 'container' in action ? action.container : undefined;
}
