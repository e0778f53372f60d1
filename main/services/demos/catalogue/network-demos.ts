import type { DemoInput } from '../demo-schema';
import { SLEEPER } from './shared';

const COMPOSE_FILE = `name: berth-{{run}}
services:
  app:
    image: {{base}}
    command: ["sh", "-c", "trap 'exit 0' TERM; echo app up; sleep 300 & wait"]
    labels: { berth.owner: demo, berth.demo: compose-up-down, berth.run: "{{run}}" }
    volumes: [data:/data]
volumes:
  data:
    labels: { berth.owner: demo, berth.demo: compose-up-down, berth.run: "{{run}}" }
networks:
  default:
    labels: { berth.owner: demo, berth.demo: compose-up-down, berth.run: "{{run}}" }
`;

/** Networking and compose demos. */
export const networkDemos: DemoInput[] = [
  {
    id: 'bridge-dns',
    title: 'Container names resolve only on user-defined networks',
    summary: 'On the default bridge a container cannot find another by name; on a user-defined network Docker’s embedded DNS answers.',
    topic: 'Networking',
    note: 'Networking/Bridge Networks.md',
    heading: 'Built-in DNS',
    steps: [
      { title: 'Start a server on the default bridge', action: { kind: 'run', container: 'server1', detach: true, network: 'bridge', cmd: SLEEPER }, expect: [{ state: 'running' }] },
      {
        title: 'A client on the default bridge cannot resolve it',
        action: { kind: 'run', container: 'client1', autoRemove: true, network: 'bridge', cmd: ['ping', '-c', '1', '-W', '2', '{{container:server1}}'] },
        expect: [{ exitCodeNot: 0 }, { outputContains: 'bad address' }],
      },
      { title: 'Create a user-defined network', action: { kind: 'network-create', network: 'app' }, expect: [{ eventSeen: { type: 'network', action: 'create' } }] },
      { title: 'Start a server on it', action: { kind: 'run', container: 'server2', detach: true, network: 'app', cmd: SLEEPER }, expect: [{ state: 'running' }] },
      {
        title: 'A client on the same network reaches it by name',
        explain: 'Docker’s DNS server at 127.0.0.11 answers for container names on user-defined networks.',
        action: { kind: 'run', container: 'client2', autoRemove: true, network: 'app', cmd: ['ping', '-c', '1', '-W', '2', '{{container:server2}}'] },
        expect: [{ exitCode: 0 }, { outputContains: '1 packets received' }],
      },
    ],
  },
  {
    id: 'network-none',
    title: '--network none has only loopback',
    summary: 'A container on the none network gets a loopback interface and nothing else: no eth0, no route out.',
    topic: 'Networking',
    note: 'Networking/Host and None Networks.md',
    heading: 'None network',
    steps: [
      { title: 'List interfaces with --network none', action: { kind: 'run', container: 'isolated', autoRemove: true, network: 'none', cmd: ['ip', '-o', 'link'] }, expect: [{ outputContains: 'lo:' }, { outputLacks: 'eth0' }] },
      { title: 'No route anywhere', action: { kind: 'run', container: 'nowhere', autoRemove: true, network: 'none', cmd: ['ping', '-c', '1', '-W', '1', '172.17.0.1'] }, expect: [{ exitCodeNot: 0 }, { outputContains: 'unreachable' }] },
      { title: 'For contrast: the default bridge adds eth0', action: { kind: 'run', container: 'connected', autoRemove: true, cmd: ['ip', '-o', 'link'] }, expect: [{ outputContains: 'eth0' }] },
    ],
  },
  {
    id: 'compose-up-down',
    title: 'docker compose up and down',
    summary: 'compose up creates a network, a volume and a container from one file; down removes them again (with -v, the volume too).',
    topic: 'Compose',
    note: 'Docker Compose.md',
    heading: 'Up and down',
    requires: 'compose',
    steps: [
      { title: 'compose up -d', action: { kind: 'compose', file: COMPOSE_FILE, args: ['up', '-d'] }, expect: [{ exitCode: 0 }] },
      { title: 'compose ps', action: { kind: 'compose', file: COMPOSE_FILE, args: ['ps'] }, expect: [{ exitCode: 0 }, { outputContains: 'app' }] },
      { title: 'compose down -v', action: { kind: 'compose', file: COMPOSE_FILE, args: ['down', '-v'] }, expect: [{ exitCode: 0 }] },
      { title: 'Nothing is left', action: { kind: 'volume-list' }, expect: [{ count: 0 }] },
    ],
  },
];
