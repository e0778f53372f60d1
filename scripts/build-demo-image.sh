#!/usr/bin/env bash
# Builds Berth's offline fallback demo image FROM scratch with the host's static busybox.
# The demos service builds the same image through the Docker API when a pull fails; CI
# builds it up front so that every demo runs without a registry.
set -euo pipefail
tag="${BERTH_FALLBACK_IMAGE:-berth-busybox:1.36-local}"
busybox="$(command -v busybox || true)"
[ -n "$busybox" ] || { echo "build-demo-image: busybox not found (apt-get install busybox-static)" >&2; exit 1; }
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "build-demo-image: $tag already present"
  exit 0
fi
ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
cp "$busybox" "$ctx/busybox"
cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV PATH=/bin
LABEL berth.owner=base org.opencontainers.image.title="Berth demo image (busybox, built locally)"
CMD ["sh"]
DOCKERFILE
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$ctx" >/dev/null
echo "build-demo-image: built $tag"
