# Shared by the hooks-*, mounts-* and devices-* fault wrappers (sourced after lib.sh, not run): edits the
# config.json of the bundle being created, and wraps hooks. Only bundles of a suite run are touched.

# lib.sh at some revisions has neither is_suite_path nor BUNDLE.
if ! type is_suite_path >/dev/null 2>&1; then
    is_suite_path() { case "$1" in */ocitk-conformance-*) return 0 ;; *) return 1 ;; esac; }
fi
if [ -z "${BUNDLE:-}" ] && [ "${VERB:-}" = create ]; then
    _prev=""
    for _a in "$@"; do
        if [ "$_prev" = --bundle ] || [ "$_prev" = -b ]; then BUNDLE="$_a"; fi
        case "$_a" in --bundle=*) BUNDLE="${_a#--bundle=}" ;; esac
        _prev="$_a"
    done
fi

# edit_config JQ_FILTER [JQ_ARGS...]: rewrites $BUNDLE/config.json through jq, in place.
edit_config() {
    local filter="$1"; shift
    [ -n "$BUNDLE" ] && is_suite_path "$BUNDLE" || return 0
    local cfg="$BUNDLE/config.json" tmp
    tmp="$(mktemp "$BUNDLE/.config.XXXXXX")" || return 1
    # Configs jq cannot read (tests also hand runtimes broken JSON) stay as they are.
    if jq "$@" "$filter" "$cfg" > "$tmp" 2>/dev/null; then mv "$tmp" "$cfg"; else rm -f "$tmp"; fi
}

# wrap_hooks SCRIPT: replaces every hook by busybox sh running SCRIPT with $0 = the hook's path, $1 = its argv[0]
# and the rest of its args after that; SCRIPT typically ends in `(exec -a "$a0" "$p" "$@")` after
# `p=$0 a0=$1; shift`, so the hook itself still runs with its own argv and env.
wrap_hooks() {
    edit_config '
      if .hooks then .hooks |= with_entries(.value |= map(
        {path: "/bin/busybox",
         args: (["sh", "-c", $wrap, .path, ((.args // [.path])[0])] + ((.args // [])[1:])),
         env: (.env // [])} + (if .timeout then {timeout: .timeout} else {} end)))
      else . end' --arg wrap "$1"
}

# container_pid ID: the pid of the container's process from state, empty if none.
container_pid() {
    real state "$1" 2>/dev/null | sed -n 's/.*"pid": *\([0-9][0-9]*\).*/\1/p' | head -1
}
