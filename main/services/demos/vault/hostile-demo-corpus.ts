/**
 * Test corpus: demos a hostile or careless note could contain, each with the words its refusal
 * must use and (where pinned) the note line it names when the block body starts at line 1.
 */
export const hostileDemos: { name: string; yaml: string; reason: RegExp; line?: number }[] = [
  {
    name: 'privileged container',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, privileged: true }',
    reason: /privileged container, which could take over your machine/,
    line: 4,
  },
  {
    name: 'cap_add',
    yaml: 'title: t\nsteps:\n  - title: s\n    action:\n      kind: run\n      container: c\n      cap_add: [SYS_ADMIN]',
    reason: /capabilities/,
    line: 7,
  },
  {
    name: 'capAdd',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, capAdd: [NET_ADMIN] }',
    reason: /capabilities/,
  },
  {
    name: 'devices',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, devices: ["/dev/sda"] }',
    reason: /devices/,
  },
  {
    name: 'pid host',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, pid: host }',
    reason: /process namespace/,
  },
  {
    name: 'ipc host',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, ipc: host }',
    reason: /IPC namespace/,
  },
  {
    name: 'network host (step)',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, network: host }',
    reason: /host network/,
  },
  {
    name: 'network host (demo)',
    yaml: 'title: t\nnetwork: HOST\nsteps:\n  - title: s\n    action: { kind: run, container: c }',
    reason: /host network/,
    line: 2,
  },
  {
    name: 'network-connect host',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: network-connect, network: host, container: c }',
    reason: /host network/,
  },
  {
    name: 'bind mount of /etc',
    yaml: 'title: t\nsteps:\n  - title: s\n    action:\n      kind: run\n      container: c\n      mounts:\n        - type: bind\n          source: /etc\n          target: /host-etc',
    reason: /bind-mounts "\/etc" from your machine/,
    line: 9,
  },
  {
    name: 'bind mount climbing out',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, mounts: [{ type: bind, source: "data/../../..", target: /x }] }',
    reason: /climbs out/,
  },
  {
    name: 'bind mount of home',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, mounts: [{ type: bind, source: "~/.ssh", target: /x }] }',
    reason: /from your machine/,
  },
  {
    name: 'engine-host bind',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, mounts: [{ type: bind, source: /var/lib/docker, target: /x, engineHost: true }] }',
    reason: /engineHost|from your machine/,
  },
  {
    name: 'volume source that is a path',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, mounts: [{ type: volume, source: /var/run/docker.sock, target: /x }] }',
    reason: /docker\.sock/,
  },
  {
    name: 'foreign image',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, image: "alpine:3.19" }',
    reason: /neither the demo base image/,
  },
  {
    name: 'image used before it is built',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, image: "app:v1" }\n  - title: b\n    action: { kind: build, image: "app:v1", files: { Dockerfile: "FROM base" } }',
    reason: /neither the demo base image/,
  },
  {
    name: 'FROM another image',
    yaml: 'title: t\nsteps:\n  - title: s\n    action:\n      kind: build\n      image: app:v1\n      files:\n        Dockerfile: |\n          FROM base AS one\n          FROM ubuntu:22.04\n',
    reason: /builds FROM "ubuntu:22.04"/,
    line: 10,
  },
  {
    name: 'COPY --from a foreign image',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: build, image: "app:v1", files: { Dockerfile: "FROM base\\nCOPY --from=docker:cli /usr/local/bin/docker /" } }',
    reason: /copies files out of the image "docker:cli"/,
  },
  {
    name: 'ADD a URL',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: build, image: "app:v1", files: { Dockerfile: "FROM base\\nADD https://example.com/x.sh /x.sh" } }',
    reason: /downloads from the internet/,
  },
  {
    name: 'RUN --mount',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: build, image: "app:v1", files: { Dockerfile: "FROM base\\nRUN --mount=type=bind,source=/,target=/h ls" } }',
    reason: /RUN --mount/,
  },
  {
    name: 'Dockerfile lines smuggled in through a captured value',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, cmd: [echo, "FROM alpine"] }\n    capture: line\n  - title: b\n    action: { kind: build, image: "app:v1", files: { Dockerfile: "FROM base\\n{{var:line}}" } }',
    reason: /\{\{var:…\}\} value/,
  },
  {
    name: 'compose action',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: compose, file: "services: {}", args: [up] }',
    reason: /compose/,
  },
  {
    name: 'compose requirement',
    yaml: 'title: t\nrequires: compose\nsteps:\n  - title: s\n    action: { kind: start, container: c }',
    reason: /compose/,
  },
  {
    name: 'host-write outside',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: host-write, path: /etc/cron.d/evil, content: x }',
    reason: /outside the run folder/,
  },
  {
    name: 'host-read climbing',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: host-read, path: ../../etc/shadow }',
    reason: /outside the run folder/,
  },
  {
    name: 'raw HostConfig',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, HostConfig: { Privileged: true } }',
    reason: /host settings/,
  },
  {
    name: 'security_opt',
    yaml: 'title: t\nsteps:\n  - title: s\n    action: { kind: run, container: c, security_opt: ["seccomp=unconfined"] }',
    reason: /security options/,
  },
];
