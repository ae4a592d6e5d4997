# Shared by the cfg-* fault wrappers: each rewrites the bundle's config.json with one jq filter when the real
# runtime is asked to create a container, then runs the real runtime unchanged. This models a runtime that ignores
# or misapplies one config property. Sourced after lib.sh. Needs jq.
#
#   rewrite_config_then_exec FILTER "$@"

# lib.sh of older revisions has no is_suite_path.
if ! type is_suite_path >/dev/null 2>&1; then
    is_suite_path() { case "$1" in */ocitk-conformance-*) return 0 ;; *) return 1 ;; esac; }
fi

# The --bundle/-b value of a create call (lib.sh in older revisions does not parse it).
cfg_bundle() {
    local prev=""
    for a in "$@"; do
        if [ "$prev" = --bundle ] || [ "$prev" = -b ]; then echo "$a"; return; fi
        case "$a" in --bundle=*) echo "${a#--bundle=}"; return ;; esac
        prev="$a"
    done
}

rewrite_config_then_exec() {
    local filter="$1"
    shift
    if [ "$VERB" = create ]; then
        local bundle
        bundle=$(cfg_bundle "$@")
        [ -n "$bundle" ] || bundle="$PWD"
        # Only bundles of a suite run, and only configs jq can read (tests also hand runtimes broken JSON).
        if is_suite_path "$bundle" && jq "$filter" "$bundle/config.json" > "$bundle/config.json.fault" 2>/dev/null; then
            mv "$bundle/config.json.fault" "$bundle/config.json"
        else
            rm -f "$bundle/config.json.fault"
        fi
    fi
    exec "$REAL" "$@"
}
