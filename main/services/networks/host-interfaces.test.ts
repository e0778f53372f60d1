import { describe, expect, it } from 'vitest';
import { addAddresses, parseIgmpIndexes, parseIpLink, splitSections } from './host-interfaces';
import { implicitGateway } from './network-facts';

// Recorded from the busybox helper on --network host (Engine 20.10, Debian 12).
const LINK = `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
4: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc pfifo_fast qlen 1000\\    link/ether 02:fc:00:00:00:01 brd ff:ff:ff:ff:ff:ff
5: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue \\    link/ether 02:42:10:76:90:34 brd ff:ff:ff:ff:ff:ff
8: br-8e9e026ff2c2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue \\    link/ether 02:42:85:04:f4:c2 brd ff:ff:ff:ff:ff:ff
14: veth06a3c32@if13: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue master br-8e9e026ff2c2 \\    link/ether d2:5b:27:09:78:1e brd ff:ff:ff:ff:ff:ff
20: bdummy3f1a: <BROADCAST,NOARP> mtu 1500 qdisc noop qlen 1000\\    link/ether 5e:11:22:33:44:55 brd ff:ff:ff:ff:ff:ff`;
const ADDR = `1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
5: docker0    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\\       valid_lft forever preferred_lft forever
8: br-8e9e026ff2c2    inet 172.18.0.1/16 brd 172.18.255.255 scope global br-8e9e026ff2c2\\       valid_lft forever preferred_lft forever`;
const IGMP = `Idx	Device    : Count Querier	Group    Users Timer	Reporter
1	lo        :     1      V3
				010000E0     1 0:00000000		0
13	eth0      :     1      V3
				010000E0     1 0:00000000		0`;

describe('host interface parsing', () => {
  it('reads bridges, veths with their peer index and master, loopback and dummies', () => {
    const list = parseIpLink(LINK);
    addAddresses(list, ADDR);
    expect(list.map((i) => `${i.name}:${i.kind}:${i.state}`)).toEqual([
      'lo:loopback:UP',
      'eth0:other:UP',
      'docker0:bridge:NO-CARRIER',
      'br-8e9e026ff2c2:bridge:UP',
      'veth06a3c32:veth:UP',
      'bdummy3f1a:dummy:DOWN',
    ]);
    const veth = list.find((i) => i.kind === 'veth')!;
    expect(veth).toMatchObject({
      index: 14,
      peerIndex: 13,
      master: 'br-8e9e026ff2c2',
      mac: 'd2:5b:27:09:78:1e',
    });
    expect(list.find((i) => i.name === 'docker0')?.addresses).toEqual(['172.17.0.1/16']);
  });

  it('reads interface indexes of a namespace from /proc/<pid>/net/igmp, without loopback', () => {
    expect(parseIgmpIndexes(IGMP)).toEqual([{ index: 13, name: 'eth0' }]);
  });

  it('splits the helper output into sections', () => {
    const sections = splitSections(`@@LINK\na\n@@ADDR\nb\n@@PID 12\nc\nd`);
    expect([...sections]).toEqual([
      ['LINK', 'a'],
      ['ADDR', 'b'],
      ['PID 12', 'c\nd'],
    ]);
  });

  it('computes the gateway Docker picks when none was given', () => {
    expect(implicitGateway('10.231.7.0/24')).toBe('10.231.7.1');
    expect(implicitGateway('172.30.16.0/20')).toBe('172.30.16.1');
    expect(implicitGateway('fd00::/64')).toBe('');
  });
});
