const FLAG_WORDS: Record<string, string> = {
  Z: 'private SELinux label',
  nocopy: 'image files not copied in',
  shared: 'shared propagation',
  slave: 'slave propagation',
  rshared: 'shared propagation',
  rslave: 'slave propagation',
};

/**
 * A mount in words: "read-write" or "read-only", plus what its extra flags mean. Docker's own
 * defaults say nothing to a learner and are left out: `z` (SELinux relabel, which `-v` adds to
 * every volume), `rw`/`ro` (said already), private propagation.
 */
export function describeMount(rw: boolean | undefined, mode: string | undefined): string {
  const parts: string[] = [];
  if (rw !== undefined) parts.push(rw ? 'read-write' : 'read-only');
  for (const flag of (mode ?? '').split(',').map((f) => f.trim())) {
    const words = FLAG_WORDS[flag];
    if (words && !parts.includes(words)) parts.push(words);
  }
  return parts.join(' · ');
}
