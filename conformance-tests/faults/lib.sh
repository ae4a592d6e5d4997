# Shared by the fault wrappers: each wraps a real runc-dialect runtime and breaks one rule on purpose.
# Sourced, not run. After sourcing:
#   REAL        the wrapped runtime (OCITK_FAULT_RUNTIME, default /usr/bin/runc)
#   VERB        the operation (create, start, state, kill, delete, ...), empty for --version and the like
#   GLOBAL      array: the arguments before the verb (--root DIR and friends)
#   ID          first positional argument after the verb (the container ID), empty if none
#   SIGNAL      second positional argument (kill's signal), empty if none
#   BUNDLE      value of --bundle/-b (create), empty if none
#   FORCE       1 when --force/-f was given (delete)
# Faults only ever touch containers, files and cgroups of the suite run that called them.
set -o pipefail
REAL="${OCITK_FAULT_RUNTIME:-/usr/bin/runc}"
VERB=""
GLOBAL=()
POSITIONAL=()
BUNDLE=""
FORCE=0
_after=0
_value_of=""
for _arg in "$@"; do
    if [ "$_after" = 0 ]; then
        case "$_arg" in
            create|start|state|kill|delete|features|run|exec|list|ps|pause|resume|update|events|spec)
                VERB="$_arg"; _after=1 ;;
            *) GLOBAL+=("$_arg") ;;
        esac
        continue
    fi
    if [ -n "$_value_of" ]; then
        [ "$_value_of" = bundle ] && BUNDLE="$_arg"
        _value_of=""
        continue
    fi
    case "$_arg" in
        --bundle|-b) _value_of=bundle ;;
        --bundle=*) BUNDLE="${_arg#--bundle=}" ;;
        --pid-file|--console-socket|--preserve-fds|--log|--log-format) _value_of=other ;;
        --force|-f) FORCE=1 ;;
        -*) ;;
        *) POSITIONAL+=("$_arg") ;;
    esac
done
ID="${POSITIONAL[0]:-}"
SIGNAL="${POSITIONAL[1]:-}"

# real VERB ARGS...: the wrapped runtime with the caller's global flags.
real() {
    "$REAL" "${GLOBAL[@]}" "$@"
}

# The --root directory the caller passed, empty if none.
state_root() {
    local prev=""
    for a in "${GLOBAL[@]}"; do
        [ "$prev" = --root ] && { echo "$a"; return; }
        case "$a" in --root=*) echo "${a#--root=}"; return ;; esac
        prev="$a"
    done
}

# bundle_of ID: the bundle directory from the real runtime's state.
bundle_of() {
    real state "$1" 2>/dev/null | sed -n 's/.*"bundle": *"\([^"]*\)".*/\1/p' | head -1
}

# cgroups_path_of BUNDLE: linux.cgroupsPath of the bundle's config.json.
cgroups_path_of() {
    sed -n 's/.*"cgroupsPath" *: *"\([^"]*\)".*/\1/p' "$1/config.json" | head -1
}

# Refuse to act on paths outside a suite run's scratch tree.
is_suite_path() {
    case "$1" in */ocitk-conformance-*) return 0 ;; *) return 1 ;; esac
}
