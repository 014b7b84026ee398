#!/usr/bin/env bash
# The production image, end to end: build it, run it with throwaway credentials (GHE_HOST points at
# nothing: /healthz needs only the database) and wait for the image's own HEALTHCHECK to report
# healthy; then check what runs inside: the compiled CLI, no TypeScript tool chain, /data owned by
# the user `node` (1000:1000). .ci/run calls this only when a Docker engine answers.
set -euo pipefail
cd "$(dirname "$0")/.."

tag="steward:ci-$$"
name="steward-ci-$$"
cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker rmi "$tag" >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail() {
  echo "docker: $1" >&2
  docker logs "$name" 2>&1 | tail -n 40 >&2 || true
  exit 1
}

echo "docker: building the image"
docker build --quiet -t "$tag" . >/dev/null
key="$(node -e 'const { generateKeyPairSync } = require("node:crypto");
process.stdout.write(generateKeyPairSync("rsa", { modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey);')"
# The image's own check command, every 2 s instead of every 30 s.
docker run -d --name "$name" --health-interval 2s \
  -e APP_ID=1 -e PRIVATE_KEY="$key" -e WEBHOOK_SECRET=ci-secret -e GHE_HOST=127.0.0.1:9 -e GHE_PROTOCOL=http \
  "$tag" >/dev/null

deadline=$((SECONDS + 120))
while :; do
  state="$(docker inspect --format '{{.State.Status}} {{.State.Health.Status}}' "$name")"
  case "$state" in
    "running healthy") break ;;
    *unhealthy) fail "the container is unhealthy" ;;
    running*) ;;
    *) fail "the container stopped ($state)" ;;
  esac
  ((SECONDS < deadline)) || fail "not healthy within 120 s ($state)"
  sleep 2
done
echo "docker: the container is healthy"

version="$(docker exec "$name" node bin/steward.js --version)"
[[ "$version" == "$(node -p 'require("./package.json").version')" ]] || fail "the CLI printed version \"$version\""
docker exec "$name" node bin/steward.js migrate >/dev/null || fail "steward migrate failed in the container"
docker exec "$name" sh -c 'for dev in tsx esbuild typescript; do test ! -e "node_modules/$dev" || exit 1; done' \
  || fail "the image holds a TypeScript tool chain (tsx, esbuild or typescript)"
owner="$(docker exec "$name" stat -c %u:%g /data)"
[[ "$owner" == "1000:1000" ]] || fail "/data is owned by $owner, not node (1000:1000)"
echo "docker: image checked (compiled CLI $version, no tsx/esbuild/typescript, /data owned by 1000:1000)"
