#!/usr/bin/env bash
# FerretDB for machines without mongod (this project's CI machine has none).
#   scripts/ferretdb.sh build          builds once through the Go module proxy, prints the binary's path
#   scripts/ferretdb.sh start [PORT] [DIR]  starts it on 127.0.0.1 (PORT empty: a free one) with its data in
#                                      DIR (kept) or a temporary directory, and prints
#                                      "MONGODB_URI=… FERRETDB_PID=… FERRETDB_DIR=…" for eval
# The binary is cached under ${XDG_CACHE_HOME:-~/.cache}/lmhtx-bot, keyed by go.sum, so later runs start at once.
set -euo pipefail
here=$(cd "$(dirname "$0")/ferretdb" && pwd)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/lmhtx-bot"
key=$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" | sha1sum | cut -c1-12)
bin="$cache/ferretdb-runner-$key"

build() {
  if [ ! -x "$bin" ]; then
    command -v go >/dev/null || { echo "ferretdb.sh: Go is needed to build FerretDB (https://go.dev/dl/), or set MONGODB_URI" >&2; exit 1; }
    mkdir -p "$cache"
    echo "ferretdb.sh: building FerretDB (first run only, about 2 minutes)…" >&2
    (cd "$here" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -o "$bin.tmp" .) >&2
    mv "$bin.tmp" "$bin"
  fi
  echo "$bin"
}

start() {
  build >/dev/null
  local port=${1:-}
  if [ -z "$port" ]; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
      || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  fi
  local dir=${2:-}
  if [ -n "$dir" ]; then mkdir -p "$dir"; else dir=$(mktemp -d -t ferretdb-XXXXXX); fi
  nohup "$bin" -listen "127.0.0.1:$port" -dir "$dir" >"$dir/ferretdb.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "MONGODB_URI=mongodb://127.0.0.1:$port FERRETDB_PID=$pid FERRETDB_DIR=$dir"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "ferretdb.sh: FerretDB did not start; its log:" >&2
  cat "$dir/ferretdb.log" >&2
  exit 1
}

case "${1:-}" in
  build) build ;;
  start) start "${2:-}" "${3:-}" ;;
  *) echo "usage: scripts/ferretdb.sh build|start [PORT] [DIR]" >&2; exit 2 ;;
esac
