import type { DemoInput } from '../demo-schema';

/** The sleeper again, with a run-unique `$0` so its process can be picked out on the host. */
const MARKED_SLEEPER = ['sh', '-c', "trap 'exit 0' TERM; sleep 300 & wait", 'pid-demo-{{run}}'];

/** Isolation demos: one shared kernel, and what the PID namespace hides. */
export const isolationDemos: DemoInput[] = [
  {
    id: 'shared-kernel',
    title: 'Containers share the engine host’s kernel',
    summary:
      '`uname -r` inside a container prints the kernel of the machine dockerd runs on, the same version `docker info` reports. A VM would boot its own kernel.',
    topic: 'Runtime',
    network: 'none',
    note: 'Containers vs Virtual Machines.md',
    heading: 'What a container really is',
    claims: [
      'containers share the kernel of the host they run on',
      'a container does not boot its own kernel',
      'uname -r in a container shows the host kernel version',
    ],
    keywords: [
      'kernel',
      'shared kernel',
      'host kernel',
      'uname',
      'uname -r',
      'docker info',
      'kernel version',
      'virtual machine',
      'VM',
      'hypervisor',
      'container vs vm',
      'containers vs virtual machines',
      'lightweight',
      'isolation',
    ],
    headings: [
      'Containers vs virtual machines',
      'Containers vs VMs',
      'What is a container',
      'How containers work',
      'Isolation',
      'The kernel',
    ],
    misconceptions: [
      {
        claim: 'each container has its own kernel like a VM',
        variants: [
          'containers each have their own kernel like a VM',
          'a container is a lightweight virtual machine',
          'every container boots its own operating system',
          'an ubuntu container runs the ubuntu kernel',
        ],
        correction:
          'Containers are isolated processes on the host’s one kernel (`uname -r` inside equals `docker info`’s Kernel Version); only a VM boots its own kernel.',
      },
    ],
    steps: [
      {
        title: 'Ask the engine for its kernel',
        explain:
          'docker info reports the kernel of the machine dockerd runs on (on Docker Desktop that is Docker’s own Linux VM).',
        action: { kind: 'engine-info' },
        capture: 'engineKernel',
        expect: [{ outputContains: 'Kernel Version' }],
      },
      {
        title: 'Ask a container for its kernel',
        explain:
          'The container has its own filesystem, hostname and process list, but no kernel of its own: uname reads the host’s. A virtual machine would report the kernel it booted.',
        action: { kind: 'run', container: 'first', autoRemove: true, cmd: ['uname', '-r'] },
        expect: [{ exitCode: 0 }, { equalsVar: 'engineKernel' }],
      },
      {
        title: 'A second container: the same kernel again',
        action: {
          kind: 'run',
          container: 'second',
          autoRemove: true,
          cmd: ['sh', '-c', 'uname -r'],
        },
        expect: [{ equalsVar: 'engineKernel' }],
      },
    ],
  },
  {
    id: 'pid-namespace',
    title: 'The PID namespace: the host sees the container’s process',
    summary:
      'Inside, `ps` sees only the container’s own processes, its main one as PID 1. From the host’s PID namespace the same process is an ordinary process with another PID.',
    topic: 'Runtime',
    network: 'none',
    note: 'Containers vs Virtual Machines.md',
    heading: 'Namespaces and cgroups',
    claims: [
      'a container sees only its own processes',
      'the container process is visible from the host with a different PID',
      'PID 1 inside the container is a normal process on the host',
    ],
    keywords: [
      'PID namespace',
      'namespaces',
      'pid',
      'ps',
      'process isolation',
      'processes',
      'PID 1',
      '--pid host',
      'host processes',
      'docker top',
      'isolation',
      'cgroups',
      'container process',
    ],
    headings: [
      'Namespaces',
      'Namespaces and cgroups',
      'PID namespace',
      'Process isolation',
      'How containers work',
      'Isolation',
    ],
    misconceptions: [
      {
        claim: 'container processes are hidden from the host',
        variants: [
          'the host cannot see processes inside a container',
          'processes in a container run inside a separate machine',
          'a container process does not exist on the host',
        ],
        correction:
          'A container’s processes are ordinary host processes; the PID namespace only hides the rest of the host from them, not them from the host.',
      },
    ],
    steps: [
      {
        title: 'Start a container with a marked process',
        action: { kind: 'run', container: 'box', detach: true, cmd: MARKED_SLEEPER },
        expect: [{ state: 'running' }],
      },
      {
        title: 'Inside: only the container’s own processes, its main one as PID 1',
        action: { kind: 'exec', container: 'box', cmd: ['ps', '-o', 'pid,args'] },
        expect: [
          { exitCode: 0 },
          { outputContains: '    1 sh -c' },
          { outputContains: 'pid-demo-{{run}}' },
          { outputLacks: 'dockerd' },
        ],
      },
      {
        title: 'From the host’s PID namespace (a helper with --pid host)',
        explain:
          'The helper joins the host’s PID namespace, so its ps lists every process of the machine: the container’s shell is there, with a host PID that is not 1.',
        action: {
          kind: 'run',
          container: 'host-view',
          autoRemove: true,
          pid: 'host',
          cmd: [
            'sh',
            '-c',
            'echo "processes on the host: $(ps -o pid | wc -l)"; ps -o pid,args | grep "[p]id-demo-{{run}}"',
          ],
        },
        expect: [
          { exitCode: 0 },
          { outputContains: 'pid-demo-{{run}}' },
          { outputLacks: '    1 sh -c trap' },
        ],
      },
    ],
  },
];
