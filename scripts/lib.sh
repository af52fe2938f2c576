# shellcheck shell=sh
# Fresh-machine steps shared by scripts/run.sh (POSIX sh; sourced, not executed).
#
# Every step is idempotent and cached under .cache/ (git-ignored) and writes its tool output to .cache/logs/<step>.log
# (the tail is printed when the step fails). A step that has work to do says so when it starts, prints how long it has
# been running every 30 s while it runs (step_begin/step_end), and ends with one line timing each part it ran.
#
#   ensure_node24        Node 24 from the npm registry (node-linux-<arch>@NODE24_VERSION) into .cache/node24;
#                        puts it first on PATH and points npm_config_nodedir at its headers.
#   ensure_deps          `npm ci` of the repo's devDependencies when node_modules is missing or package-lock.json changed.
#   ensure_n8n           the pinned n8n of scripts/pinned-n8n-2.x (its package.json and lock) into .cache/n8n:
#                        `npm ci --ignore-scripts`, then `npm rebuild sqlite3` (compiled from source: needs a C toolchain).
#   ensure_n8n1          the last n8n 1.x (scripts/pinned-n8n-1.x) into .cache/n8n-1 the same way (after ensure_n8n, whose
#                        sqlite3 build it reuses), for the compatibility run of the spine suite (`npm test` only); with
#                        WITH_N8N1 set, ensure_all starts its npm ci in the background (n8n1_ci_in_background).
#   build_package [DIR]  `npm run build`, `npm pack` into .cache/pack (sets HUECHAT_PACKAGE_TGZ), and when DIR is given,
#                        install_package DIR.
#   install_package DIR  extract the packed package into DIR/.n8n/nodes/node_modules/n8n-nodes-huechat
#                        (the folder n8n 2.x scans for community packages; DIR is an N8N_USER_FOLDER).
#
# The caller sets ROOT (the repository root) before sourcing.

: "${ROOT:?ROOT must be set before sourcing scripts/lib.sh}"
CACHE="$ROOT/.cache"
LOGS="$CACHE/logs"
STAMPS="$CACHE/stamps"
NODE24_VERSION=24.22.3
N8N_VERSION=2.41.1
N8N_DIR="$CACHE/n8n"
N8N_BIN="$N8N_DIR/node_modules/.bin/n8n"
N8N1_VERSION=1.123.81
N8N1_DIR="$CACHE/n8n-1"
PACKAGE_NAME=n8n-nodes-huechat
mkdir -p "$LOGS" "$STAMPS"
trap step_end EXIT

say() { printf '[huechat] %s\n' "$*"; }
die() {
	step_end
	printf '[huechat] FAILED: %s\n' "$*" >&2
	exit 1
}

_now() { date +%s%N; }
# _took START -> "12.3s", or "4m05s" from a minute on
_took() {
	awk -v a="$1" -v b="$(_now)" 'BEGIN { s = (b - a) / 1e9; if (s < 60) printf "%.1fs", s; else printf "%dm%02ds", s / 60, s % 60 }'
}

# step_begin "WHAT": announces a step that has work to do, and until step_end prints every 30 s how long it has been
# running (a fresh machine spends minutes in npm ci and the sqlite3 compile with nothing else to show).
step_begin() {
	step_end
	say "$1 ..."
	_step_t0=$(_now)
	(
		trap 'exit 0' TERM
		# $$ is the script itself: the ticker ends with it, even when the script is killed before step_end
		while sleep 30 && kill -0 $$ 2>/dev/null; do say "${1%% *} ... still running, $(_took "$_step_t0") so far"; done
	) &
	STEP_TICKER=$!
}
step_end() {
	if [ -n "${STEP_TICKER:-}" ]; then
		kill "$STEP_TICKER" 2>/dev/null || true
		wait "$STEP_TICKER" 2>/dev/null || true
		STEP_TICKER=
	fi
}

_sha() { cat "$@" | sha256sum | cut -c1-64; }

# _run LOGNAME CMD...: run CMD with all output appended to .cache/logs/LOGNAME.log; on failure print the tail.
_run() {
	_log="$LOGS/$1.log"
	shift
	printf '\n$ %s\n' "$*" >>"$_log"
	"$@" >>"$_log" 2>&1 && return 0
	_rc=$?
	printf '[huechat] command failed (exit %s): %s\n[huechat] last lines of %s:\n' "$_rc" "$*" "$_log" >&2
	tail -n 40 "$_log" >&2
	return "$_rc"
}

# Serialise a step against other runs in the same checkout (several people share it); no-op without flock.
_lock() {
	if command -v flock >/dev/null 2>&1; then
		exec 9>"$CACHE/.lock-$1"
		flock 9
	fi
}
_unlock() { exec 9>&-; }

_node_arch() {
	case "$(uname -m)" in
	x86_64 | amd64) echo x64 ;;
	aarch64 | arm64) echo arm64 ;;
	*) die "unsupported CPU $(uname -m): no node-linux-* package" ;;
	esac
}

ensure_node24() {
	_t=$(_now)
	[ "$(uname -s)" = Linux ] || die "scripts/lib.sh supports Linux only (Node 24 comes from the node-linux-* npm package)"
	command -v npm >/dev/null 2>&1 || die "npm is required to bootstrap (any Node >= 18 with npm)"
	_pkg="node-linux-$(_node_arch)"
	NODE24_HOME="$CACHE/node24/node_modules/$_pkg"
	_how=cached
	if [ "$("$NODE24_HOME/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
		_lock node24
		if [ "$("$NODE24_HOME/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
			step_begin "node      installing Node $NODE24_VERSION from the npm registry ($_pkg)"
			rm -rf "$CACHE/node24"
			mkdir -p "$CACHE/node24"
			printf '{"private":true}\n' >"$CACHE/node24/package.json"
			_run node24 npm install --prefix "$CACHE/node24" "$_pkg@$NODE24_VERSION" --save-exact \
				--ignore-scripts --no-audit --no-fund --loglevel=error || die "installing $_pkg@$NODE24_VERSION"
			step_end
			_how=installed
		fi
		_unlock
	fi
	PATH="$NODE24_HOME/bin:$PATH"
	npm_config_nodedir="$NODE24_HOME"
	NODE24_BIN="$NODE24_HOME/bin/node"
	export PATH npm_config_nodedir NODE24_HOME NODE24_BIN
	[ "$(node --version)" = "v$NODE24_VERSION" ] || die "node on PATH is $(node --version), expected v$NODE24_VERSION"
	say "node      v$NODE24_VERSION $_how in $(_took "$_t")"
}

ensure_deps() {
	_t=$(_now)
	_want="$(_sha "$ROOT/package-lock.json") node-$NODE24_VERSION"
	_stamp="$STAMPS/deps"
	_lock deps
	_how=cached
	# Reinstall when node_modules is missing, or when package-lock.json changed since our last `npm ci` and was not
	# installed since by someone else's `npm install` (which rewrites node_modules/.package-lock.json after it).
	if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || {
		[ "$(cat "$_stamp" 2>/dev/null)" != "$_want" ] &&
			[ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]
	}; then
		step_begin "deps      installing the devDependencies (npm ci; log: .cache/logs/deps.log)"
		(cd "$ROOT" && _run deps npm ci --no-audit --no-fund --loglevel=error) || die "npm ci (see $LOGS/deps.log)"
		step_end
		_how="installed (npm ci)"
	fi
	echo "$_want" >"$_stamp"
	_unlock
	say "deps      $_how in $(_took "$_t")"
}

_n8n_sane() {
	node "$ROOT/scripts/n8n-install.cjs" "$N8N_DIR" sqlite-works >>"$LOGS/n8n.log" 2>&1 || return 1
	# Never pipe an n8n CLI into head (it spins on EPIPE): redirect to a file.
	"$N8N_BIN" --version >"$LOGS/n8n-version.txt" 2>&1 || return 1
	grep -qx "$N8N_VERSION" "$LOGS/n8n-version.txt"
}

ensure_n8n() {
	_t=$(_now)
	_src="$ROOT/scripts/pinned-n8n-2.x"
	[ -f "$_src/package-lock.json" ] || die "scripts/pinned-n8n-2.x/package-lock.json is missing"
	_want="$(_sha "$_src/package.json" "$_src/package-lock.json") node-$NODE24_VERSION"
	_stamp="$STAMPS/n8n"
	_lock n8n
	_how=cached
	_parts=
	if [ "$(cat "$_stamp" 2>/dev/null)" = "$_want" ] && [ -x "$N8N_BIN" ]; then
		:
	elif [ ! -f "$_stamp" ] && cmp -s "$_src/package-lock.json" "$N8N_DIR/package-lock.json" && _n8n_sane; then
		_how="adopted existing install"
	else
		rm -rf "$N8N_DIR/node_modules"
		mkdir -p "$N8N_DIR"
		cp "$_src/package.json" "$_src/package-lock.json" "$N8N_DIR/"
		rm -f "$_stamp"
		# --ignore-scripts: the Kafka client's install script downloads from github.com and breaks the whole install.
		step_begin "n8n       installing n8n $N8N_VERSION into .cache/n8n, 1 of 2: npm ci (log: .cache/logs/n8n.log)"
		(cd "$N8N_DIR" && _run n8n npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) ||
			die "npm ci of n8n $N8N_VERSION (see $LOGS/n8n.log)"
		_ci=$(_took "$_t")
		_t2=$(_now)
		# sqlite3 compiles from source (its prebuilt download points at github.com); headers from npm_config_nodedir.
		step_begin "n8n       installing n8n $N8N_VERSION, 2 of 2: compiling sqlite3 from source (C toolchain)"
		(cd "$N8N_DIR" && _run n8n npm rebuild sqlite3 --ignore-scripts=false --loglevel=error) ||
			die "npm rebuild sqlite3 (see $LOGS/n8n.log)"
		step_end
		_how=installed
		_parts="npm ci $_ci, sqlite3 compile $(_took "$_t2")"
		_n8n_sane || die "n8n sanity check failed (see $LOGS/n8n.log and $LOGS/n8n-version.txt)"
	fi
	echo "$_want" >"$_stamp"
	_unlock
	export N8N_DIR N8N_BIN
	say "n8n       $N8N_VERSION $_how in $(_took "$_t")${_parts:+ ($_parts)}"
}

_n8n1_want() { _sha "$ROOT/scripts/pinned-n8n-1.x/package.json" "$ROOT/scripts/pinned-n8n-1.x/package-lock.json"; }
_n8n1_installed() {
	[ "$(cat "$STAMPS/n8n-1" 2>/dev/null)" = "$(_n8n1_want) node-$NODE24_VERSION" ] && [ -x "$N8N1_DIR/node_modules/.bin/n8n" ]
}
# As ensure_n8n's; package.json overrides xlsx (n8n 1.x pins a tarball from a CDN outside the npm registry).
_n8n1_ci() {
	rm -rf "$N8N1_DIR/node_modules" "$STAMPS/n8n-1"
	mkdir -p "$N8N1_DIR"
	cp "$ROOT/scripts/pinned-n8n-1.x/package.json" "$ROOT/scripts/pinned-n8n-1.x/package-lock.json" "$N8N1_DIR/"
	(cd "$N8N1_DIR" && _run n8n-1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
}

# n8n1_ci_in_background: starts ensure_n8n1's `npm ci` now, beside the installs that follow (n8n 2.x's sqlite3 compile
# keeps one core of two busy for two minutes); ensure_n8n1 waits for it. Nothing when n8n 1.x is installed. Called
# between steps (a ticker running now would be stopped by the background job's exit trap).
n8n1_ci_in_background() {
	_n8n1_installed && return 0
	N8N1_CI_T0=$(_now)
	rm -f "$CACHE/.n8n1-ci-rc"
	(
		trap - EXIT
		_lock n8n-1
		_n8n1_ci
		echo $? >"$CACHE/.n8n1-ci-rc"
	) &
	N8N1_CI_PID=$!
	say "n8n 1.x   npm ci of n8n $N8N1_VERSION started in the background (log: .cache/logs/n8n-1.log)"
}

ensure_n8n1() {
	_t=$(_now)
	_how=cached
	_parts=
	if [ -n "${N8N1_CI_PID:-}" ]; then
		step_begin "n8n 1.x   waiting for its npm ci (started in the background)"
		wait "$N8N1_CI_PID" || true
		step_end
		N8N1_CI_PID=
		[ "$(cat "$CACHE/.n8n1-ci-rc" 2>/dev/null)" = 0 ] || die "npm ci of n8n $N8N1_VERSION (see $LOGS/n8n-1.log)"
		_n8n1_ci_took="$(_took "$N8N1_CI_T0") in the background"
	fi
	_lock n8n-1
	if ! _n8n1_installed; then
		if [ -z "${_n8n1_ci_took:-}" ]; then
			step_begin "n8n 1.x   installing n8n $N8N1_VERSION into .cache/n8n-1 for the compatibility run: npm ci (log: .cache/logs/n8n-1.log)"
			_n8n1_ci || die "npm ci of n8n $N8N1_VERSION (see $LOGS/n8n-1.log)"
			_n8n1_ci_took=$(_took "$_t")
			step_end
		fi
		_t2=$(_now)
		# The same sqlite3 release as n8n 2.x's (a Node-API addon): reuse the one ensure_n8n compiled (saves 1-2 min).
		_sq="$N8N_DIR/node_modules/sqlite3"
		if [ -f "$_sq/build/Release/node_sqlite3.node" ] && cmp -s "$_sq/package.json" "$N8N1_DIR/node_modules/sqlite3/package.json"; then
			cp -R "$_sq/build" "$N8N1_DIR/node_modules/sqlite3/" || die "copying sqlite3's build from $_sq"
			_sqlite="sqlite3 copied from .cache/n8n"
		else
			step_begin "n8n 1.x   compiling sqlite3 from source (C toolchain)"
			(cd "$N8N1_DIR" && _run n8n-1 npm rebuild sqlite3 --ignore-scripts=false --loglevel=error) ||
				die "npm rebuild sqlite3 for n8n $N8N1_VERSION (see $LOGS/n8n-1.log)"
			step_end
			_sqlite="sqlite3 compile $(_took "$_t2")"
		fi
		_bin="$N8N1_DIR/node_modules/.bin/n8n"
		node "$ROOT/scripts/n8n-install.cjs" "$N8N1_DIR" sqlite-works >>"$LOGS/n8n-1.log" 2>&1 &&
			"$_bin" --version >"$LOGS/n8n-1-version.txt" 2>&1 && grep -qx "$N8N1_VERSION" "$LOGS/n8n-1-version.txt" ||
			die "n8n $N8N1_VERSION sanity check failed (see $LOGS/n8n-1.log and $LOGS/n8n-1-version.txt)"
		_how=installed
		_parts="npm ci $_n8n1_ci_took, $_sqlite"
		echo "$(_n8n1_want) node-$NODE24_VERSION" >"$STAMPS/n8n-1"
	fi
	_n8n1_ci_took=
	_unlock
	export N8N1_DIR
	say "n8n 1.x   $N8N1_VERSION $_how in $(_took "$_t")${_parts:+ ($_parts)}"
}

build_package() {
	_t=$(_now)
	step_begin "build     tsc, assets and npm pack (log: .cache/logs/build.log)"
	_lock build
	rm -rf "$ROOT/dist" # tsc never deletes: a stale file would otherwise ship in the tarball
	(cd "$ROOT" && _run build npm run build) || die "npm run build (see $LOGS/build.log)"
	rm -rf "$CACHE/pack"
	mkdir -p "$CACHE/pack"
	(cd "$ROOT" && _run build npm pack --pack-destination "$CACHE/pack" --loglevel=error) || die "npm pack (see $LOGS/build.log)"
	_unlock
	step_end
	HUECHAT_PACKAGE_TGZ=$(ls "$CACHE/pack/$PACKAGE_NAME"-*.tgz 2>/dev/null | head -n 1)
	[ -f "$HUECHAT_PACKAGE_TGZ" ] || die "npm pack produced no $PACKAGE_NAME-*.tgz in $CACHE/pack"
	export HUECHAT_PACKAGE_TGZ
	say "build     $(basename "$HUECHAT_PACKAGE_TGZ") in $(_took "$_t")"
	if [ -n "${1:-}" ]; then install_package "$1"; fi
}

install_package() {
	[ -n "${HUECHAT_PACKAGE_TGZ:-}" ] || die "install_package: run build_package first"
	_dest="$1/.n8n/nodes/node_modules/$PACKAGE_NAME"
	rm -rf "$_dest"
	mkdir -p "$_dest"
	tar -xzf "$HUECHAT_PACKAGE_TGZ" -C "$_dest" --strip-components=1 || die "extracting $HUECHAT_PACKAGE_TGZ"
	say "package   installed into ${_dest#"$ROOT"/}"
}

ensure_all() {
	ensure_node24
	[ -z "${WITH_N8N1:-}" ] || n8n1_ci_in_background
	ensure_deps
	ensure_n8n
}
