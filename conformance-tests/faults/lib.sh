# Shared by the fault wrappers: each wraps a real runc-dialect runtime and breaks one rule.
# Sourced, not run. Sets:
#   REAL    the wrapped runtime (OCITK_FAULT_RUNTIME, default /usr/bin/runc)
#   VERB    the operation (create, start, state, kill, delete, ...), empty for --version and the like
#   GLOBAL  array of the arguments before the verb (--root DIR and friends)
#   ID      the last argument (the container ID for the five operations)
set -o pipefail
REAL="${OCITK_FAULT_RUNTIME:-/usr/bin/runc}"
VERB=""
GLOBAL=()
for arg in "$@"; do
    case "$arg" in
        create|start|state|kill|delete|features|run|exec|list|ps|pause|resume|update|events|spec)
            VERB="$arg"; break ;;
        *) GLOBAL+=("$arg") ;;
    esac
done
ID="${!#}"

# real VERB ARGS...: the wrapped runtime with the same global flags.
real() {
    "$REAL" "${GLOBAL[@]}" "$@"
}

# The argument after the container ID in `kill ID SIGNAL`, empty if none.
kill_signal() {
    local seen_kill=0 after_id=0
    for arg in "$@"; do
        if [ "$seen_kill" = 1 ] && [ "$after_id" = 1 ]; then echo "$arg"; return; fi
        if [ "$seen_kill" = 1 ]; then after_id=1; fi
        if [ "$arg" = kill ]; then seen_kill=1; fi
    done
}
