import type { DemoInput } from '../demo-schema';
import { PODMAN_NO_PING, SLEEPER } from './shared';

/** Berth's labels plus pid/host from the environment (set by Berth, absent in a pasted script). */
const LABELS = (demo: string) =>
  `{ berth.owner: demo, berth.demo: ${demo}, berth.run: "{{run}}", berth.pid: "\${BERTH_PID:-}", berth.host: "\${BERTH_HOST:-}" }`;

// Compose file format 3.7: read by the compose plugin (v2) and by standalone docker-compose 1.29.
const COMPOSE_FILE = `version: "3.7"
services:
  app:
    image: {{base}}
    command: ["sh", "-c", "trap 'exit 0' TERM; echo app up; sleep 300 & wait"]
    labels: ${LABELS('compose-up-down')}
    volumes: [data:/data]
volumes:
  data:
    labels: ${LABELS('compose-up-down')}
networks:
  default:
    labels: ${LABELS('compose-up-down')}
`;

const COMPOSE_NETWORK_FILE = `version: "3.7"
services:
  web:
    image: {{base}}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"]
    labels: ${LABELS('compose-default-network')}
  client:
    image: {{base}}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"]
    labels: ${LABELS('compose-default-network')}
networks:
  default:
    labels: ${LABELS('compose-default-network')}
`;

/** Makes a throw-away dummy interface on the engine host and prints its name. */
const MAKE_DUMMY = ['sh', '-c', 'n=bdummy$(head -c 4 /dev/urandom | od -An -tx1 | tr -d " \\n"); ip link add "$n" type dummy && ip link set "$n" up && echo "$n"'];

/** Networking and compose demos. */
export const networkDemos: DemoInput[] = [
  {
    id: 'bridge-dns',
    title: 'Container names resolve only on user-defined networks',
    summary: 'On the default bridge a container cannot find another by name; on a user-defined network Docker’s embedded DNS answers.',
    topic: 'Networking',
    note: 'Networking/Bridge Networks.md',
    heading: 'Built-in DNS',
    onEngine: { podman: { skip: PODMAN_NO_PING } },
    claims: ['on the default bridge containers cannot reach each other by name', 'on a user-defined network Docker\'s embedded DNS resolves container names'],
    keywords: ['bridge network', 'default bridge', 'user-defined network', 'user-defined bridge', 'user defined bridge', 'docker network create', 'container name resolution', 'DNS', 'embedded DNS', 'service discovery', 'ping by name', 'docker0', 'Netzwerk', 'réseau', 'red de contenedores'],
    headings: ['Bridge networks', 'Default bridge network', 'User-defined networks', 'Built-in DNS', 'Container networking', 'Networking'],
    misconceptions: [{ claim: 'Containers on the default bridge can reach each other by container name', variants: ['containers can always ping each other by name', 'the default bridge network resolves container names'], correction: 'Only user-defined networks resolve container names; on the default bridge containers need IP addresses.' }],
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
      { title: 'No route anywhere', action: { kind: 'run', container: 'nowhere', autoRemove: true, network: 'none', cmd: ['ping', '-c', '1', '-W', '1', '172.17.0.1'] }, expect: [{ exitCodeNot: 0 }, { outputContains: 'unreachable' }],
        onEngine: {
          podman: {
            note: 'On Podman, ping has no NET_RAW capability and fails before it even looks for a route (“permission denied”); the missing eth0 above is the proof that nothing leads out.',
            expect: [{ exitCodeNot: 0 }, { outputContains: 'permission denied' }, { outputLacks: 'packets received' }],
          },
        },
      },
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
      {
        title: 'compose up -d',
        explain: 'Runs the docker compose plugin when it is installed, else the standalone docker-compose; the first output line says which.',
        action: { kind: 'compose', file: COMPOSE_FILE, args: ['up', '-d'] },
        expect: [{ exitCode: 0 }, { outputContains: 'berth-{{run}}_default' }],
      },
      { title: 'compose ps', action: { kind: 'compose', file: COMPOSE_FILE, args: ['ps'] }, expect: [{ exitCode: 0 }, { outputContains: 'app' }] },
      { title: 'compose down -v', action: { kind: 'compose', file: COMPOSE_FILE, args: ['down', '-v'] }, expect: [{ exitCode: 0 }] },
      { title: 'Nothing is left', action: { kind: 'volume-list' }, expect: [{ count: 0 }] },
    ],
  },
  {
    id: 'compose-default-network',
    title: 'Compose makes a <project>_default network; services find each other by name',
    summary: 'compose up creates a bridge network named after the project, services reach each other by service name, and down removes the network.',
    topic: 'Compose',
    note: 'Docker Compose.md',
    heading: 'The default network',
    onEngine: { podman: { skip: PODMAN_NO_PING } },
    requires: 'compose',
    claims: ['compose creates a <project>_default network', 'services reach each other by service name', 'compose down removes the network'],
    keywords: ['compose network', 'default network', 'project_default', 'service name', 'service discovery', 'docker-compose', 'docker compose', 'networks:', 'depends_on'],
    headings: ['The default network', 'Networking in Compose', 'Compose networking'],
    misconceptions: [
      {
        claim: 'Compose services reach each other through localhost.',
        variants: ['in docker compose use localhost to reach the database', 'services in one compose file share localhost'],
        correction: 'Each service is its own container on the <project>_default network; use the service name (db:5432), not localhost.',
      },
    ],
    steps: [
      {
        title: 'compose up -d creates berth-<run>_default',
        action: { kind: 'compose', file: COMPOSE_NETWORK_FILE, args: ['up', '-d'] },
        expect: [{ exitCode: 0 }, { outputContains: 'berth-{{run}}_default' }],
      },
      {
        title: 'client reaches web by its service name',
        action: { kind: 'compose', file: COMPOSE_NETWORK_FILE, args: ['exec', '-T', 'client', 'ping', '-c', '1', '-W', '2', 'web'] },
        expect: [{ exitCode: 0 }, { outputContains: '1 packets received' }],
      },
      {
        title: 'compose down removes the network',
        action: { kind: 'compose', file: COMPOSE_NETWORK_FILE, args: ['down', '-v'] },
        expect: [{ exitCode: 0 }, { outputContains: 'berth-{{run}}_default' }, { eventSeen: { type: 'network', action: 'destroy' } }],
      },
    ],
  },
  {
    id: 'macvlan-dummy',
    title: 'macvlan gives a container its own MAC on a parent interface',
    summary: 'On a throw-away dummy parent, a macvlan network gives each container its own MAC address and IP, as if it were a separate machine on that LAN.',
    topic: 'Networking',
    note: 'Networking/Macvlan and Ipvlan.md',
    heading: 'Macvlan',
    requires: 'dummy-link',
    claims: ['a macvlan container gets its own MAC address on the parent interface'],
    keywords: ['macvlan', 'mac address', 'parent interface', 'L2', 'LAN', 'physical network', 'promiscuous', 'dummy interface'],
    headings: ['Macvlan', 'macvlan networks'],
    steps: [
      { title: 'Make a throw-away dummy parent on the engine host', action: { kind: 'run', container: 'mklink', autoRemove: true, network: 'host', capAdd: ['NET_ADMIN'], cmd: MAKE_DUMMY }, capture: 'parent', expect: [{ exitCode: 0 }] },
      { title: 'Create a macvlan network on it', action: { kind: 'network-create', network: 'lan', driver: 'macvlan', subnet: '10.239.77.0/24', options: { parent: '{{var:parent}}' } }, expect: [{ eventSeen: { type: 'network', action: 'create' } }] },
      { title: 'A container on it has its own MAC and address', action: { kind: 'run', container: 'box', autoRemove: true, network: 'lan', cmd: ['ip', '-o', 'addr', 'show', 'eth0'] }, expect: [{ exitCode: 0 }, { outputContains: '10.239.77.' }] },
      { title: 'Remove the dummy parent', action: { kind: 'run', container: 'rmlink', autoRemove: true, network: 'host', capAdd: ['NET_ADMIN'], cmd: ['ip', 'link', 'delete', '{{var:parent}}'] }, expect: [{ exitCode: 0 }] },
    ],
  },
  {
    id: 'ipvlan-dummy',
    title: 'ipvlan L2 shares the parent’s MAC but gives its own IP',
    summary: 'On a throw-away dummy parent, an ipvlan L2 network gives containers their own IPs while they all use the parent’s MAC address.',
    topic: 'Networking',
    note: 'Networking/Macvlan and Ipvlan.md',
    heading: 'Ipvlan',
    requires: 'dummy-link',
    claims: ['ipvlan containers share the parent interface’s MAC address'],
    keywords: ['ipvlan', 'ipvlan l2', 'ipvlan_mode', 'parent interface', 'same mac', 'L3', 'dummy interface'],
    headings: ['Ipvlan', 'ipvlan networks'],
    steps: [
      { title: 'Make a throw-away dummy parent on the engine host', action: { kind: 'run', container: 'mklink', autoRemove: true, network: 'host', capAdd: ['NET_ADMIN'], cmd: MAKE_DUMMY }, capture: 'parent', expect: [{ exitCode: 0 }] },
      { title: 'The parent’s MAC', action: { kind: 'run', container: 'parentmac', autoRemove: true, network: 'host', cmd: ['cat', '/sys/class/net/{{var:parent}}/address'] }, capture: 'mac', expect: [{ exitCode: 0 }] },
      { title: 'Create an ipvlan L2 network on it', action: { kind: 'network-create', network: 'lan', driver: 'ipvlan', subnet: '10.239.78.0/24', options: { parent: '{{var:parent}}', ipvlan_mode: 'l2' } }, expect: [{ eventSeen: { type: 'network', action: 'create' } }] },
      { title: 'A container on it uses the parent’s MAC', action: { kind: 'run', container: 'box', autoRemove: true, network: 'lan', cmd: ['cat', '/sys/class/net/eth0/address'] }, expect: [{ exitCode: 0 }, { equalsVar: 'mac' }] },
      { title: 'Remove the dummy parent', action: { kind: 'run', container: 'rmlink', autoRemove: true, network: 'host', capAdd: ['NET_ADMIN'], cmd: ['ip', 'link', 'delete', '{{var:parent}}'] }, expect: [{ exitCode: 0 }] },
    ],
  },
];
