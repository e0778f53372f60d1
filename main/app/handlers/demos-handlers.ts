import type { HandlersFor } from '../../rpc/router';
import type { DemoService } from '../../services/demos/demo-service';

/** Handlers for `demos.*`. */
export function demosHandlers(demos: DemoService): HandlersFor<'demos'> {
  return {
    'demos.list': () => ({ demos: demos.list(), image: demos.image() }),
    'demos.start': ({ demoId, stepThrough }) => demos.start(demoId, { stepThrough: stepThrough ?? false }),
    'demos.advance': ({ runId }) => demos.advance(runId),
    'demos.cleanUp': ({ runId }) => demos.cleanUp(runId),
    'demos.script': ({ demoId }) => demos.script(demoId),
    'demos.cancel': ({ runId }) => demos.cancel(runId),
    'demos.getRun': ({ runId }) => demos.getRun(runId),
    'demos.listRuns': (params) => ({ runs: demos.listRuns(params) }),
    'demos.sweep': () => demos.sweep(),
  };
}
