#!/usr/bin/env bash
# Test setup only: starts Podman's Docker-compatible API on a socket when none answers there, and
# waits for it (at most 30 s). Prints the socket URL (unix://…) as its last line.
# Usage: scripts/ensure-podman.sh [socket-path] [log-file]
# In this sandbox Podman containers fail with "error setting rlimit type 6/7" unless
# containers.conf sets default_ulimits; that file is written here (never on users' machines).
set -euo pipefail
sock="${1:-/run/podman/podman.sock}"
log="${2:-/tmp/berth-podman.log}"
command -v podman >/dev/null 2>&1 || { echo "podman: not installed (apt-get install podman)" >&2; exit 1; }
conf=/etc/containers/containers.conf
if ! grep -q '^default_ulimits' "$conf" 2>/dev/null; then
  mkdir -p /etc/containers
  if grep -q '^\[containers\]' "$conf" 2>/dev/null; then
    sed -i '/^\[containers\]/a default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]' "$conf"
  else
    printf '[containers]\ndefault_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]\n' >>"$conf"
  fi
  echo "podman: set default_ulimits in $conf (test setup)" >&2
fi
ping_socket() { curl -s --max-time 2 --unix-socket "$sock" http://d/_ping 2>/dev/null | grep -q OK; }
if ping_socket; then echo "unix://$sock"; exit 0; fi
mkdir -p "$(dirname "$sock")"
rm -f "$sock"
nohup podman system service --time=0 "unix://$sock" >>"$log" 2>&1 </dev/null &
for _ in $(seq 1 60); do
  if ping_socket; then echo "unix://$sock"; exit 0; fi
  sleep 0.5
done
echo "podman: the service did not answer on $sock within 30 s; last lines of $log:" >&2
tail -n 20 "$log" >&2
exit 1
