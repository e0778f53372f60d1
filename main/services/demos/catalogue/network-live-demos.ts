import type { DemoInput } from '../demo-schema';
import { PODMAN_BRIDGE_NOTE, PODMAN_NO_NETWORK_EVENT, PODMAN_NO_PING, SLEEPER } from './shared';

/** Prints the first IPv4 address of eth0 (busybox `ip`, `awk`, `cut`). */
const ETH0_IP = ['sh', '-c', "ip -o -4 addr show eth0 | awk '{print $4}' | cut -d/ -f1"];
/** Prints the subnet eth0 sits on (the connected route). */
const ETH0_SUBNET = ['sh', '-c', "ip -o -4 route show dev eth0 scope link | cut -d' ' -f1"];
const WEB_SERVER = ['sh', '-c', 'mkdir -p /www && echo hello-from-berth > /www/index.html && httpd -p 8081 -h /www && exec httpd -f -p 80 -h /www'];

/** Live networking demos: host network, isolation, gateway, veths, ports, host.docker.internal, aliases. */
export const networkLiveDemos: DemoInput[] = [
  {
    id: 'network-host-interfaces',
    title: '--network host sees the engine host’s interfaces',
    summary: 'A container on the host network has no eth0 of its own: it lists the engine host’s interfaces, docker0 included.',
    topic: 'Networking',
    note: 'Networking/Host and None Networks.md',
    heading: 'Host network',
    claims: ['a container on the host network shares the engine host’s interfaces', 'the host network has no separate container IP'],
    keywords: ['host network', '--network host', 'net=host', 'network_mode: host', 'host networking', 'host mode', 'docker0', 'interfaces', 'no isolation'],
    headings: ['Host network', 'Host networking', 'network_mode host', '--net=host'],
    misconceptions: [
      {
        claim: 'A container on the host network still gets its own IP address.',
        variants: ['host mode gives the container its own ip', 'with --network host docker assigns an IP to the container'],
        correction: 'It shares the engine host’s network namespace: the host’s interfaces and addresses, no eth0 of its own, and -p is ignored.',
      },
    ],
    steps: [
      {
        title: 'List interfaces with --network host',
        explain: 'docker0 is the engine host’s bridge: only a container in the host’s namespace can see it.',
        action: { kind: 'run', container: 'hostview', autoRemove: true, network: 'host', cmd: ['ip', '-o', 'link'] },
        expect: [{ exitCode: 0 }, { outputContains: 'docker0' }],
      },
      {
        title: 'For contrast: the default bridge shows only lo and eth0',
        action: { kind: 'run', container: 'bridged', autoRemove: true, network: 'bridge', cmd: ['ip', '-o', 'link'] },
        expect: [{ outputContains: 'eth0' }, { outputLacks: 'docker0' }],
      },
    ],
  },
  {
    id: 'user-network-isolation',
    title: 'A user-defined network has its own subnet and is isolated',
    summary: 'Containers on the same user-defined network reach each other; a container on the default bridge is in another subnet and cannot be reached from it.',
    topic: 'Networking',
    note: 'Networking/Bridge Networks.md',
    heading: 'User-defined bridges',
    onEngine: { podman: { skip: PODMAN_NO_PING } },
    claims: ['a user-defined network gets its own subnet', 'containers on different networks cannot reach each other', 'containers on the same network can reach each other'],
    keywords: ['user-defined network', 'custom network', 'docker network create', 'subnet', 'isolation', 'network isolation', 'bridge', 'segmentation', 'frontend backend'],
    headings: ['User-defined bridges', 'Network isolation', 'Custom networks'],
    misconceptions: [
      {
        claim: 'All containers on one host can reach each other.',
        variants: ['containers on the same machine can always talk to each other', 'every container can ping every other container'],
        correction: 'Only containers that share a network can; Docker drops traffic between different bridge networks.',
      },
    ],
    steps: [
      { title: 'Start a container on the default bridge', action: { kind: 'run', container: 'old', detach: true, network: 'bridge', cmd: SLEEPER }, expect: [{ state: 'running' }] },
      { title: 'Its address', action: { kind: 'exec', container: 'old', cmd: ETH0_IP }, capture: 'oldip', expect: [{ exitCode: 0 }] },
      { title: 'The default bridge’s subnet', action: { kind: 'exec', container: 'old', cmd: ETH0_SUBNET }, capture: 'bridgesubnet', expect: [{ exitCode: 0 }] },
      { title: 'Create a user-defined network', action: { kind: 'network-create', network: 'app' }, expect: [{ eventSeen: { type: 'network', action: 'create' } }] },
      { title: 'Start a container on it', action: { kind: 'run', container: 'api', detach: true, network: 'app', cmd: SLEEPER }, expect: [{ state: 'running' }] },
      {
        title: 'It sits on a subnet of its own',
        action: { kind: 'exec', container: 'api', cmd: ETH0_SUBNET },
        capture: 'appsubnet',
        expect: [{ exitCode: 0 }, { differsFromVar: 'bridgesubnet' }],
      },
      {
        title: 'A neighbour on the same network reaches it',
        action: { kind: 'run', container: 'peer', autoRemove: true, network: 'app', cmd: ['ping', '-c', '1', '-W', '2', '{{container:api}}'] },
        expect: [{ exitCode: 0 }, { outputContains: '1 packets received' }],
      },
      {
        title: 'The container on the default bridge cannot be reached from it',
        explain: 'Docker’s isolation rules drop packets between two bridge networks, even by IP.',
        action: { kind: 'run', container: 'stranger', autoRemove: true, network: 'app', cmd: ['ping', '-c', '1', '-W', '2', '{{var:oldip}}'] },
        expect: [{ exitCodeNot: 0 }, { outputContains: '0 packets received' }],
      },
    ],
  },
  {
    id: 'bridge-gateway-route',
    title: 'docker0 is the default route inside a container',
    summary: 'On the default bridge, a container’s default gateway is the address of docker0 on the engine host.',
    topic: 'Networking',
    note: 'Networking/Networking Overview.md',
    heading: 'How a container gets online',
    onEngine: { podman: { skip: `${PODMAN_BRIDGE_NOTE} This demo reads docker0’s address on the engine host, and Podman has no such bridge.` } },
    claims: ['the default bridge’s gateway is docker0', 'a container’s default route goes through the bridge'],
    keywords: ['gateway', 'default route', 'docker0', 'ip route', 'default gateway', 'routing', '172.17.0.1', 'NAT', 'masquerade'],
    headings: ['How a container gets online', 'Default gateway', 'Routing'],
    steps: [
      {
        title: 'The address of docker0 on the engine host',
        action: { kind: 'run', container: 'hostview', autoRemove: true, network: 'host', cmd: ['sh', '-c', "ip -o -4 addr show docker0 | awk '{print $4}' | cut -d/ -f1"] },
        capture: 'docker0ip',
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'The default route inside a container on the default bridge',
        action: { kind: 'run', container: 'inside', autoRemove: true, network: 'bridge', cmd: ['sh', '-c', "ip route | awk '/^default/ {print $3}'"] },
        expect: [{ exitCode: 0 }, { equalsVar: 'docker0ip' }],
      },
    ],
  },
  {
    id: 'veth-pair',
    title: 'Each running container has a veth pair on the bridge',
    summary: 'A container’s eth0 is one end of a veth pair; the other end lives on the engine host, plugged into docker0.',
    topic: 'Networking',
    note: 'Networking/Networking Overview.md',
    heading: 'How a container gets online',
    claims: ['each container’s eth0 is one end of a veth pair', 'the host end of the veth is attached to the bridge'],
    keywords: ['veth', 'veth pair', 'virtual ethernet', 'eth0', 'iflink', 'ifindex', 'bridge port', 'docker0', 'network namespace', 'netns'],
    headings: ['How a container gets online', 'veth pairs', 'Network namespaces'],
    steps: [
      { title: 'Start a container on the default bridge', action: { kind: 'run', container: 'web', detach: true, network: 'bridge', cmd: SLEEPER }, expect: [{ state: 'running' }] },
      {
        title: 'eth0’s peer: the interface index of the other end',
        action: { kind: 'exec', container: 'web', cmd: ['cat', '/sys/class/net/eth0/iflink'] },
        capture: 'peer',
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'On the engine host that index is a veth on docker0',
        action: { kind: 'run', container: 'hostview', autoRemove: true, network: 'host', cmd: ['sh', '-c', 'ip -o link | grep "^{{var:peer}}: veth"'] },
        expect: [{ exitCode: 0 }, { outputContains: 'master docker0' }],
        onEngine: { podman: { note: PODMAN_BRIDGE_NOTE, expect: [{ exitCode: 0 }, { outputContains: 'podman0' }] } },
      },
    ],
  },
  {
    id: 'published-port',
    title: 'A published port is reachable from the engine host; an unpublished one is not',
    summary: 'With -p Docker forwards a host port to the container; a port the container listens on without -p stays closed on the host.',
    topic: 'Networking',
    note: 'Networking/Published Ports.md',
    heading: 'Publishing a port',
    claims: ['a published port is reachable on the engine host', 'a port that is not published is not reachable on the host', 'EXPOSE or listening does not publish a port'],
    keywords: ['publish', '-p', 'port mapping', 'port forwarding', 'ports', 'docker port', 'expose', 'EXPOSE', 'hostPort', 'containerPort', 'docker-proxy', 'DNAT'],
    headings: ['Publishing a port', 'Port mapping', 'EXPOSE does not publish'],
    misconceptions: [
      {
        claim: 'A port the container listens on is reachable from the host.',
        variants: ['EXPOSE publishes the port', 'if the app listens on 80 you can open localhost:80'],
        correction: 'Only ports published with -p (or -P) are forwarded from the engine host; listening or EXPOSE alone does not publish.',
      },
    ],
    steps: [
      {
        title: 'A web server publishing port 80 (and listening on 8081 too)',
        action: { kind: 'run', container: 'web', detach: true, network: 'bridge', publish: ['127.0.0.1::80'], cmd: WEB_SERVER },
        expect: [{ state: 'running' }],
      },
      { title: 'Which host port Docker picked', action: { kind: 'port', container: 'web', port: 80 }, capture: 'hostport', expect: [{ exitCode: 0 }] },
      {
        title: 'From the engine host, the published port answers',
        action: { kind: 'run', container: 'fromhost', autoRemove: true, network: 'host', cmd: ['wget', '-q', '-O', '-', 'http://127.0.0.1:{{var:hostport}}/'], timeoutMs: 20_000 },
        expect: [{ exitCode: 0 }, { outputContains: 'hello-from-berth' }],
      },
      {
        title: 'Inside the container, 8081 answers too',
        action: { kind: 'exec', container: 'web', cmd: ['wget', '-q', '-O', '-', 'http://127.0.0.1:8081/'] },
        expect: [{ exitCode: 0 }, { outputContains: 'hello-from-berth' }],
      },
      {
        title: 'From the engine host, the unpublished 8081 does not',
        action: { kind: 'run', container: 'closed', autoRemove: true, network: 'host', cmd: ['wget', '-q', '-O', '-', 'http://127.0.0.1:8081/'], timeoutMs: 20_000 },
        expect: [{ exitCodeNot: 0 }],
      },
    ],
  },
  {
    id: 'host-docker-internal',
    title: 'host.docker.internal needs --add-host on Linux',
    summary: 'On a Linux engine the name host.docker.internal does not exist until you map it with --add-host host.docker.internal:host-gateway.',
    topic: 'Networking',
    note: 'Networking/Published Ports.md',
    heading: 'Reaching the host from a container',
    onEngine: {
      podman: {
        skip: `${PODMAN_NO_PING} Podman names the engine host host.containers.internal in every container instead.`,
      },
    },
    claims: ['host.docker.internal does not resolve on a Linux engine by default', '--add-host host.docker.internal:host-gateway maps it to the engine host'],
    keywords: ['host.docker.internal', 'host-gateway', '--add-host', 'extra_hosts', 'reach the host', 'localhost from container', 'host machine', 'gateway'],
    headings: ['Reaching the host from a container', 'host.docker.internal', 'Accessing the host'],
    misconceptions: [
      {
        claim: 'host.docker.internal works out of the box on Linux.',
        variants: ['host.docker.internal always points to the host', 'every container can use host.docker.internal', 'host.docker.internal resolves everywhere'],
        correction: 'Only Docker Desktop defines it; on a Linux engine add --add-host host.docker.internal:host-gateway (extra_hosts in compose).',
      },
    ],
    steps: [
      {
        title: 'Without --add-host the name does not resolve',
        action: { kind: 'run', container: 'plain', autoRemove: true, network: 'bridge', cmd: ['ping', '-c', '1', '-W', '1', 'host.docker.internal'] },
        expect: [{ exitCodeNot: 0 }, { outputContains: 'bad address' }],
      },
      {
        title: 'With --add-host …:host-gateway it is in /etc/hosts',
        action: { kind: 'run', container: 'mapped', autoRemove: true, network: 'bridge', addHosts: ['host.docker.internal:host-gateway'], cmd: ['grep', 'host.docker.internal', '/etc/hosts'] },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'and the engine host answers',
        action: { kind: 'run', container: 'pinger', autoRemove: true, network: 'bridge', addHosts: ['host.docker.internal:host-gateway'], cmd: ['ping', '-c', '1', '-W', '2', 'host.docker.internal'] },
        expect: [{ exitCode: 0 }, { outputContains: '1 packets received' }],
      },
    ],
  },
  {
    id: 'network-aliases',
    title: 'Network aliases let two containers answer one name',
    summary: 'Two containers with the same --network-alias: Docker’s DNS returns both addresses for that name.',
    topic: 'Networking',
    note: 'Networking/Bridge Networks.md',
    heading: 'Built-in DNS',
    onEngine: { podman: { requires: 'network-dns' } },
    claims: ['a network alias is an extra DNS name on one network', 'several containers can share an alias and DNS returns all of them'],
    keywords: ['network alias', '--network-alias', 'alias', 'aliases', 'round robin', 'DNS', 'load balancing', 'service discovery', 'embedded DNS', '127.0.0.11'],
    headings: ['Built-in DNS', 'Network aliases', 'Service discovery'],
    steps: [
      {
        title: 'Create a user-defined network',
        action: { kind: 'network-create', network: 'app' },
        expect: [{ eventSeen: { type: 'network', action: 'create' } }],
        onEngine: { podman: { note: PODMAN_NO_NETWORK_EVENT, expect: [] } },
      },
      { title: 'First container with alias "search"', action: { kind: 'run', container: 'one', detach: true, network: 'app', aliases: ['search'], cmd: SLEEPER }, expect: [{ state: 'running' }] },
      { title: 'Second container with the same alias', action: { kind: 'run', container: 'two', detach: true, network: 'app', aliases: ['search'], cmd: SLEEPER }, expect: [{ state: 'running' }] },
      { title: 'Address of the first', action: { kind: 'exec', container: 'one', cmd: ETH0_IP }, capture: 'ip1', expect: [{ exitCode: 0 }] },
      { title: 'Address of the second', action: { kind: 'exec', container: 'two', cmd: ETH0_IP }, capture: 'ip2', expect: [{ exitCode: 0 }] },
      {
        title: 'One name, both addresses',
        explain: 'The embedded DNS at 127.0.0.11 answers with every container that carries the alias.',
        action: { kind: 'run', container: 'client', autoRemove: true, network: 'app', cmd: ['nslookup', 'search'] },
        expect: [{ exitCode: 0 }, { outputContains: '{{var:ip1}}' }, { outputContains: '{{var:ip2}}' }],
      },
    ],
  },
];
