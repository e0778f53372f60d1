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
    claims: ['on the default bridge containers cannot reach each other by name', 'on a user-defined network Docker\'s embedded DNS resolves container names'],
    keywords: ['bridge network', 'default bridge', 'user-defined network', 'user-defined bridge', 'user defined bridge', 'docker network create', 'container name resolution', 'DNS', 'embedded DNS', 'service discovery', 'ping by name', 'docker0', 'host.docker.internal', 'Netzwerk', 'réseau', 'red de contenedores'],
    headings: ['Bridge networks', 'Default bridge network', 'User-defined networks', 'Built-in DNS', 'Container networking', 'Networking'],
    misconceptions: [{ claim: 'Containers on the default bridge can reach each other by container name', variants: ['containers can always ping each other by name', 'the default bridge network resolves container names'], correction: 'Only user-defined networks resolve container names; on the default bridge containers need IP addresses.' }, { claim: 'host.docker.internal works out of the box on Linux', variants: ['host.docker.internal always points to the host', 'you can reach the host with host.docker.internal on every system', 'host.docker.internal works on linux without any option'], correction: 'On Linux host.docker.internal exists only with --add-host=host.docker.internal:host-gateway; Docker Desktop adds it for you.' }],
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
    claims: ['a container on the none network has only a loopback interface', '--network none gives the container no route out'],
    keywords: ['--network none', 'network none', 'none network', 'no network', 'loopback', 'isolated container', 'offline container', 'network isolation', 'lo interface', 'kein Netzwerk', 'sans réseau'],
    headings: ['None network', 'The none network', 'Network isolation', 'Host and none networks'],
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
    claims: ['compose up creates the network, volume and containers from one file', 'compose down removes them again, with -v the volumes too'],
    keywords: ['docker compose', 'compose', 'docker-compose', 'compose.yaml', 'docker-compose.yml', 'compose up', 'compose down', 'down -v', 'multi-container app'],
    headings: ['Docker Compose', 'Compose', 'Compose up and down', 'docker-compose'],
    requires: 'compose',
    steps: [
      { title: 'compose up -d', action: { kind: 'compose', file: COMPOSE_FILE, args: ['up', '-d'] }, expect: [{ exitCode: 0 }] },
      { title: 'compose ps', action: { kind: 'compose', file: COMPOSE_FILE, args: ['ps'] }, expect: [{ exitCode: 0 }, { outputContains: 'app' }] },
      { title: 'compose down -v', action: { kind: 'compose', file: COMPOSE_FILE, args: ['down', '-v'] }, expect: [{ exitCode: 0 }] },
      { title: 'Nothing is left', action: { kind: 'volume-list' }, expect: [{ count: 0 }] },
    ],
  },
];
