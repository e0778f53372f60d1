import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const fence = (lines: string[]) => ['```mermaid', ...lines, '```'].join('\n');

/** The compose setup a student draws: client → nginx → app → db on a user-defined network. */
export const COMPOSE_FLOWCHART = fence([
  'flowchart LR',
  '    client([Browser]) -->|":8080"| nginx',
  '    subgraph appnet [user-defined network: appnet]',
  '        nginx[nginx<br/>reverse proxy] --> app[app:3000]',
  '        app --> db[(postgres db)]',
  '    end',
  '    db -.- vol[/named volume: pgdata/]',
]);

/** What `docker run` does, as a student copies it from the lecture. */
export const DOCKER_RUN_SEQUENCE = fence([
  'sequenceDiagram',
  '    participant U as You',
  '    participant CLI as docker CLI',
  '    participant D as dockerd',
  '    participant C as containerd',
  '    U->>CLI: docker run -d -p 8080:80 nginx',
  '    CLI->>D: POST /containers/create',
  '    D-->>CLI: 201 Created (id)',
  '    CLI->>D: POST /containers/{id}/start',
  '    D->>C: create task',
  '    Note over D,C: network and volumes are set up first',
  '    C-->>D: running',
  '    D-->>CLI: 204 No Content',
  '    CLI-->>U: container id',
]);

/** A typo on line 3 (`-- >`): mermaid cannot read it. */
export const BROKEN_FLOWCHART = fence(['flowchart TD', '    web --> api', '    api --> redis[(cache)', '    redis --> disk']);

/** Everything a hostile note might try through mermaid. */
export const HOSTILE = fence([
  '%%{init: {"securityLevel": "loose", "htmlLabels": true, "dompurifyConfig": {"ADD_TAGS": ["script"], "ADD_ATTR": ["onerror"]}, "startOnLoad": true}}%%',
  'flowchart LR',
  '    A["<img src=x onerror=alert(1)>"] --> B["<script>alert(2)</script>"]',
  '    B --> C[javascript link]',
  '    click A call alert(3)',
  '    click B callback "tooltip"',
  '    click C href "javascript:alert(4)"',
]);

/** A student vault with mermaid in several notes, one of them long enough to stream in chunks. */
export function mermaidVault(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-mermaid-'));
  fs.mkdirSync(path.join(dir, 'Networking'));
  fs.writeFileSync(
    path.join(dir, 'Welcome.md'),
    '# Welcome\n\nMy Docker notes. See [[Compose network]], [[docker run]] and [[Long lab log]].\n',
  );
  fs.writeFileSync(
    path.join(dir, 'Networking/Compose network.md'),
    [
      '# Compose network',
      '',
      'Our compose file puts everything on **one user-defined network** so names resolve (dns!).',
      '',
      COMPOSE_FLOWCHART,
      '',
      '## Broken one (fix later)',
      '',
      BROKEN_FLOWCHART,
      '',
      '## Copied from a forum',
      '',
      HOSTILE,
      '',
      '## Huge',
      '',
      fence(['flowchart TD', ...Array.from({ length: 2600 }, (_, i) => `    n${i} --> n${i + 1}["step ${i + 1} of the pipeline"]`)]),
      '',
      'The end of the note.',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'docker run.md'),
    ['# docker run', '', 'What happens when I type `docker run`:', '', DOCKER_RUN_SEQUENCE, '', 'classes:', '', fence([
      'classDiagram',
      '    class Container {',
      '      +id',
      '      +start()',
      '      +stop()',
      '    }',
      '    class Image',
      '    class Volume',
      '    Image <|-- Container : created from',
      '    Container o-- Volume : mounts',
    ]), ''].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'Long lab log.md'),
    [
      '# Long lab log',
      '',
      ...Array.from({ length: 1500 }, (_, i) => `Entry ${i + 1}: ran the compose stack again, checked \`docker network inspect appnet\` and the volume.\n`),
      '## Final picture',
      '',
      COMPOSE_FLOWCHART,
      '',
      'Last line of the lab log.',
    ].join('\n'),
  );
  return dir;
}
