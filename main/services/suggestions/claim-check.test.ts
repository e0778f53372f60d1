import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '../demos/catalogue';
import { NoteSuggester } from './suggest-note';

const catalogue = builtInCatalogue();

const suggester = new NoteSuggester(catalogue);
const flagsOf = (note: string) => suggester.suggest(note).flags;

describe('claim check', () => {
  it.each([
    [
      'anonymous volumes get deleted automatically when the container stops',
      'anonymous-volume-dangling',
    ],
    [
      '- Anonymus volumes are deleted automaticaly when the container is deleted',
      'anonymous-volume-dangling',
    ],
    ['host.docker.internal works out of the box on linux', 'host-docker-internal'],
    [
      'Anonyme Volumes werden automatisch gelöscht, wenn der Container stoppt.',
      'anonymous-volume-dangling',
    ],
    ['latest zeigt immer auf das neueste Image', 'tags-vs-digests'],
    ['- latest tag allways points to the newst image', undefined],
    ['docker stop kills the container imediately', 'pid1-signals'],
    ['* the **latest** tag always points to the newest image', undefined],
    ['docker rmi deletes the image', undefined],
    ['docker stop kills the container immediately', 'pid1-signals'],
    ['Bind mounts copy the folder into the container once.', 'bind-mount-two-way'],
    [
      'Anonymous volumes are deleted automatically once no container uses them.',
      'anonymous-volume-dangling',
    ],
  ])('flags %j', (sentence, demoId) => {
    const flags = flagsOf(`## Notes\n\nSome text first.\n${sentence}\n`);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ line: 4 });
    if (demoId) expect(flags[0]?.demo).toBe(demoId);
    expect(flags[0]?.correction.length).toBeGreaterThan(10);
    expect(flags[0]?.demoTitle.length).toBeGreaterThan(3);
  });

  it('flags the right sentence of a line, with its text and the misconception', () => {
    const flags = flagsOf(
      'stuff lives in ram, gone after stop. host.docker.internal works out of the box on linux',
    );
    expect(flags).toEqual([
      expect.objectContaining({
        line: 1,
        text: 'host.docker.internal works out of the box on linux',
        claim: 'host.docker.internal works out of the box on Linux.',
      }),
    ]);
  });

  it('judges a half-wrong sentence clause by clause and flags the wrong clause', () => {
    const flags = flagsOf(
      '- Named volumes persist, but anonymous volumes are removed automatically with the container.\n',
    );
    expect(flags).toEqual([
      expect.objectContaining({
        line: 1,
        demo: 'anonymous-volume-dangling',
        text: 'anonymous volumes are removed automatically with the container',
      }),
    ]);
    expect(
      flagsOf(
        'Named volumes persist, but anonymous volumes are not removed unless you pass --rm.\n',
      ),
    ).toEqual([]);
  });

  it.each([
    ['teacher said docker rm deletes the volume too - check this!!', 'teacher said docker rm deletes the volume too'],
    ['docker rm deletes the volume too — not sure??', 'docker rm deletes the volume too'],
    ['my teacher said that docker rm deletes the volume as well', 'my teacher said that docker rm deletes the volume as well'],
  ])('flags a claim the student doubts or reports, set off by a dash: %j', (line, text) => {
    expect(flagsOf(`## Notes\n${line}\n`)).toEqual([expect.objectContaining({ demo: 'named-volume-persists', text })]);
  });

  it.each([
    'Anonymous volumes are NOT removed unless you use --rm.',
    "docker rm deletes the volume - no, it doesn't",
    'docker rm deletes the volume -- nope',
    'named volumes survive docker rm - the data stays',
    'anonymous volumes are not deleted automatically when the container stops',
    "the latest tag doesn't always point to the newest image",
    'host.docker.internal does not work out of the box on linux, you need --add-host',
    'Myth: the latest tag always points to the newest image',
    'Many people think docker rmi deletes the image, but it only removes a tag.',
    'A pod groups containers that share a network namespace and can mount the same volume.',
    'Anonyme Volumes werden nicht automatisch gelöscht.',
    'No anonymous volume is deleted automatically when the container stops.',
    'Buy milk and eggs; the latest issue of the magazine is new.',
  ])('does not flag the correct fact or an unrelated sentence: %j', (sentence) => {
    expect(flagsOf(`## Notes\n${sentence}\n`)).toEqual([]);
  });

  it('does not flag code blocks, table rows or callouts that say the claim is wrong', () => {
    const note = [
      '## Storage',
      '```bash',
      '# anonymous volumes get deleted automatically when the container stops',
      '```',
      '| claim | true? |',
      '|---|---|',
      '| anonymous volumes get deleted automatically when the container stops | no |',
      '',
      '> [!failure] Wrong',
      '> anonymous volumes get deleted automatically when the container stops',
      '',
      '> [!warning] Common misconception',
      '> the latest tag always points to the newest image',
      '',
      'docker rmi deletes the image',
      'Falsch! rmi removes only the tag.',
    ].join('\n');
    expect(flagsOf(note)).toEqual([]);
  });
});
