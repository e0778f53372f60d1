#!/usr/bin/env bash
# Starts dockerd in the background when `docker info` fails, and waits for it (at most 60 s).
# Usage: scripts/ensure-dockerd.sh [log-file]
set -euo pipefail
log="${1:-/tmp/berth-dockerd.log}"
if docker info >/dev/null 2>&1; then
  # A second daemon started with --bridge=none deletes docker0 under the running one; only a
  # restart brings the default bridge back.
  if command -v ip >/dev/null 2>&1 && ! ip link show docker0 >/dev/null 2>&1 && [ -f /var/run/docker.pid ]; then
    echo "dockerd: the default bridge docker0 is missing; restarting dockerd to recreate it"
    kill "$(cat /var/run/docker.pid)" 2>/dev/null || true
    for _ in $(seq 1 30); do docker info >/dev/null 2>&1 || break; sleep 1; done
  else
    echo "dockerd: already running ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
    exit 0
  fi
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "dockerd: not installed (apt-get install docker.io)" >&2
  exit 1
fi
echo "dockerd: starting in the background, log at $log"
# A daemon still shutting down keeps its pid file for a moment: wait for it to exit (at most 30 s).
for _ in $(seq 1 60); do
  [ -f /var/run/docker.pid ] && kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null || break
  sleep 0.5
done
# A stale pid file from a killed daemon would stop the new one from starting.
if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
  rm -f /var/run/docker.pid
fi
nohup dockerd >>"$log" 2>&1 </dev/null &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "dockerd: up ($(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  sleep 1
done
echo "dockerd: did not come up within 60 s; last lines of $log:" >&2
tail -n 40 "$log" >&2
exit 1
