#!/usr/bin/env bash
# Builder's main job on the embedded default: builds everything, starts
# builderd with its SQLite store under the user's data directory
# ($BUILDER_DATA_DIR, else $XDG_DATA_HOME/builder, else ~/.local/share/builder),
# registers the sample repository (resources/demo/sample-repo, behind a local
# bare remote in the data directory) and builds the demo feature on it, with a
# progress bar per stage, until the branch is delivered. Then builderd keeps
# running for you (builderctl and the Studio find it); Ctrl-C stops it.
# With a display ($DISPLAY or $WAYLAND_DISPLAY), Builder Studio opens instead,
# connected to this builderd, with the sample registered and the demo feature
# running; closing the Studio stops builderd. BUILDER_HEADLESS=1 forces the
# terminal demo.
#
# Offline by default: the model's answers are replayed from
# resources/demo/cassette.json. With ANTHROPIC_API_KEY, OPENAI_API_KEY,
# GEMINI_API_KEY or OPENAI_COMPATIBLE_BASE_URL set, that provider answers instead.
# Extra arguments go to `builderd serve` (e.g. --grpc-listen 127.0.0.1:0).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gui=
if [ -z "${BUILDER_HEADLESS:-}" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  gui=1
fi
"$root/installers/build.sh" --target builderd builderctl ${gui:+builder-studio}

builderd="$root/build/backend/daemon/builderd"
ctl="$root/build/app/builderctl/builderctl"
demo="$root/resources/demo"
data="${BUILDER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/builder}"
export BUILDER_DATA_DIR="$data"
mkdir -p "$data"
chmod 700 "$data"

if [ -z "${ANTHROPIC_API_KEY:-}${OPENAI_API_KEY:-}${GEMINI_API_KEY:-}${OPENAI_COMPATIBLE_BASE_URL:-}${BUILDER_LLM_REPLAY:-}" ]; then
  export BUILDER_LLM_REPLAY="$demo/cassette.json"
  echo "run-builder: no LLM provider configured: replaying the recorded demo answers (offline)"
fi

rm -f "$data/endpoint.json"
"$builderd" serve --data-dir "$data" "$@" &
pid=$!
stop() { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 300); do
  [ -s "$data/endpoint.json" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "run-builder: builderd did not start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$data/endpoint.json" ] || { echo "run-builder: builderd did not come up in 30 s" >&2; exit 1; }

# The sample repository behind a local bare remote, made once.
remote="$data/demo/textstats.git"
if [ ! -d "$remote" ]; then
  work="$(mktemp -d)"
  git init -q --bare "$remote"
  cp -a "$demo/sample-repo/." "$work"
  git -C "$work" init -q -b main
  git -C "$work" add -A
  git -C "$work" -c user.name=Builder -c user.email=builder@localhost commit -q -m "Initial import"
  git -C "$work" push -q "$remote" main
  rm -rf "$work"
fi

json_field() { sed -n "s/.*\"$1\": *\"\\([^\"]*\\)\".*/\\1/p" | head -n 1; }
# An identical registration returns the repository registered before.
repo="$("$ctl" repo register --name textstats --url "$remote" \
        --property require_approval=false --json | json_field id)"
echo
echo "Repository textstats ($remote) registered as $repo"
execution="$("$ctl" feature create --repo "$repo" --title "$(cat "$demo/feature-title.txt")" \
             --description "$(cat "$demo/feature-description.txt")" \
             --max-steps 5 --timeout-minutes 10 --require-tests --json | json_field id)"
echo "Feature \"$(cat "$demo/feature-title.txt")\" submitted as $execution"
echo

if [ -n "$gui" ]; then
  echo "Opening Builder Studio; closing it stops builderd."
  status=0
  "$root/build/app/studio/builder-studio" --local --data-dir "$data" || status=$?
  exit "$status"
fi

status=0
"$ctl" feature events "$execution" --follow --progress --exit-status || status=$?

branch="$("$ctl" feature get "$execution" --json | json_field branchName)"
[ -n "$branch" ] || branch="$("$ctl" feature get "$execution" --json | json_field branch_name)"
if [ "$status" -eq 0 ] && [ -n "$branch" ]; then
  echo
  git --git-dir "$remote" --no-pager diff --stat "main...$branch"
  echo
  echo "The branch $branch is in $remote:"
  echo "  git clone -b $branch $remote textstats-demo"
fi
echo
echo "builderd is running (data in $data); builderctl and the Studio use it. Ctrl-C stops it."
wait "$pid"
