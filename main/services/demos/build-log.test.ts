import { describe, expect, it } from 'vitest';
import { BuildLogFilter, countCachedSteps, stageImageIds } from './build-log';

const LOG = [
  'Step 1/6 : FROM base AS builder',
  ' ---> aaaaaaaaaaaa',
  'Step 2/6 : RUN make',
  ' ---> Using cache',
  ' ---> bbbbbbbbbbbb',
  'Step 3/6 : FROM base',
  ' ---> aaaaaaaaaaaa',
  'Step 4/6 : COPY --from=builder /out /app',
  ' ---> cccccccccccc',
  'Step 5/6 : LABEL berth.host=box',
  ' ---> Running in 123456789abc',
  'Removing intermediate container 123456789abc',
  ' ---> dddddddddddd',
  'Step 6/6 : LABEL berth.owner=demo',
  ' ---> Using cache',
  ' ---> eeeeeeeeeeee',
  'Successfully built eeeeeeeeeeee',
  '',
].join('\n');

describe('build log', () => {
  it('counts cached steps of the Dockerfile, not the label steps', () => {
    expect(countCachedSteps(LOG)).toBe(1);
  });

  it('counts cached steps in Podman’s (Buildah’s) log too', () => {
    const podman = [
      'STEP 1/4: FROM berth-busybox:1.36-local',
      'STEP 2/4: RUN echo hi > /x',
      '--> Using cache 5555eddc8aff92fd7fc5c59e72b04174a29e0296a8a9186f07543aa550123464',
      '--> 5555eddc8af',
      'STEP 3/4: COPY app.txt /app/app.txt',
      '--> 23b57a697fa',
      'STEP 4/4: LABEL "berth.owner"="demo"',
      '--> Using cache 61bf4885eb79',
      'COMMIT docker.io/library/app:v1',
    ].join('\n');
    expect(countCachedSteps(podman)).toBe(1);
  });

  it('finds the image that ends each earlier stage, never a base image', () => {
    expect(stageImageIds(LOG)).toEqual(['bbbbbbbbbbbb']);
    expect(
      stageImageIds(
        'Step 1/3 : FROM x AS a\n ---> aaaaaaaaaaaa\nStep 2/3 : FROM y\n ---> bbbbbbbbbbbb\n',
      ),
    ).toEqual([]);
  });

  it('hides bookkeeping label steps and renumbers the rest, even when lines arrive in pieces', () => {
    let out = '';
    const filter = new BuildLogFilter(['berth.host'], (t) => (out += t));
    for (let i = 0; i < LOG.length; i += 7) filter.push(LOG.slice(i, i + 7));
    filter.flush();
    expect(out).not.toContain('berth.host');
    expect(out).not.toContain('123456789abc');
    expect(out).toContain('Step 5/5 : LABEL berth.owner=demo');
    expect(out).toContain('Step 4/5 : COPY --from=builder /out /app');
    expect(out).toContain('Successfully built eeeeeeeeeeee');
  });
});
