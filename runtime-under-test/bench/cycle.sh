#!/bin/sh
# Lifecycle cycle benchmark: create + start + state + delete of a busybox `true` container,
# timed for ocirun, runc and crun in the same run, interleaved round by round so that load on the
# machine hits all three alike. Prints the median per verb and per cycle, and each runtime's ratio
# to runc.
#
#   runtime-under-test/bench/cycle.sh [ROUNDS]        (default 15; needs root and /bin/busybox)
#
# crun 1.8.1 refuses hybrid cgroup hosts, so (as in DESIGN.md) it runs in one private mount
# namespace where /sys/fs/cgroup/unified is replaced by an empty tmpfs; the timing happens inside that namespace,
# so nsenter's own cost is not counted. Everything the script makes lives under one mktemp
# directory and is removed at exit, containers included.
set -eu

rounds=${1:-15}
here=$(cd "$(dirname "$0")" && pwd)
ocirun=${OCIRUN:-$here/../../bin/ocirun}
runc=${RUNC:-$(command -v runc || true)}
crun=${CRUN:-$(command -v crun || true)}
busybox=${BUSYBOX:-/bin/busybox}

[ "$(id -u)" = 0 ] || { echo "cycle.sh: needs root" >&2; exit 1; }
[ -x "$busybox" ] || { echo "cycle.sh: $busybox missing (apt-get install busybox-static)" >&2; exit 1; }
[ -x "$ocirun" ] || { echo "cycle.sh: $ocirun missing" >&2; exit 1; }

work=$(mktemp -d /tmp/ocirun-bench.XXXXXX)
nspid=
cleanup() {
    for rt in ocirun runc crun; do
        [ -d "$work/root-$rt" ] || continue
        for id in $(ls "$work/root-$rt" 2>/dev/null); do
            case $rt in
                ocirun) "$ocirun" --root "$work/root-ocirun" delete --force "$id" >/dev/null 2>&1 || true ;;
                runc) "$runc" --root "$work/root-runc" delete --force "$id" >/dev/null 2>&1 || true ;;
                crun) nsenter -t "$nspid" -m "$crun" --root "$work/root-crun" delete --force "$id" >/dev/null 2>&1 || true ;;
            esac
        done
    done
    [ -n "$nspid" ] && kill "$nspid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A bundle with a busybox rootfs and a config close to `runc spec` (no terminal, program `true`).
bundle="$work/bundle"
mkdir -p "$bundle/rootfs/bin" "$bundle/rootfs/proc" "$bundle/rootfs/dev" "$bundle/rootfs/sys" "$bundle/rootfs/tmp"
cp "$busybox" "$bundle/rootfs/bin/busybox"
for cmd in sh true; do ln -s busybox "$bundle/rootfs/bin/$cmd"; done
"$ocirun" spec --bundle "$bundle"
# ociVersion 1.0.0: crun 1.8.1 rejects 1.2 and later; ocirun and runc accept it.
sed -i -e 's/"ociVersion": "1.3.0"/"ociVersion": "1.0.0"/' -e 's/"sh"$/"true"/' "$bundle/config.json"

runtimes="ocirun"
[ -n "$runc" ] && runtimes="$runtimes runc"
if [ -n "$crun" ]; then
    # Unmounting alone uncovers the host's own cgroup2 tree beneath, where crun would leave its
    # directories behind; a throwaway tmpfs over the mount point keeps that tree untouched.
    unshare -m --propagation private sh -c 'umount /sys/fs/cgroup/unified 2>/dev/null
        mount -t tmpfs -o size=64k ocitk-bench /sys/fs/cgroup/unified 2>/dev/null; exec sleep 100000' &
    nspid=$!
    # Wait (bounded) until the helper has entered its own mount namespace.
    i=0
    while [ "$(readlink /proc/$nspid/ns/mnt 2>/dev/null)" = "$(readlink /proc/self/ns/mnt)" ] && [ $i -lt 200 ]; do
        i=$((i + 1)); sleep 0.01
    done
    runtimes="$runtimes crun"
fi

# One cycle, timed inside: prints "create start state delete total" in milliseconds.
cat >"$work/one-cycle" <<'EOS'
bin=$1 root=$2 id=$3 bundle=$4
now() { date +%s%N; }
t0=$(now); "$bin" --root "$root" create --bundle "$bundle" "$id" </dev/null >/dev/null 2>&1
t1=$(now); "$bin" --root "$root" start "$id"
t2=$(now); "$bin" --root "$root" state "$id" >/dev/null
t3=$(now)
# `true` exits at once; delete needs it stopped: wait (bounded), outside the timing.
i=0
while "$bin" --root "$root" state "$id" 2>/dev/null | grep -q '"running"' && [ $i -lt 500 ]; do i=$((i + 1)); done
t4=$(now); "$bin" --root "$root" delete "$id"
t5=$(now)
echo "$(( (t1 - t0) / 1000000 )) $(( (t2 - t1) / 1000000 )) $(( (t3 - t2) / 1000000 )) $(( (t5 - t4) / 1000000 )) $(( (t3 - t0 + t5 - t4) / 1000000 ))"
EOS

for rt in $runtimes; do mkdir -p "$work/root-$rt"; : >"$work/times-$rt"; done
r=1
while [ $r -le "$rounds" ]; do
    for rt in $runtimes; do
        id="bench-$rt-$r"
        case $rt in
            ocirun) sh "$work/one-cycle" "$ocirun" "$work/root-ocirun" "$id" "$bundle" >>"$work/times-ocirun" ;;
            runc) sh "$work/one-cycle" "$runc" "$work/root-runc" "$id" "$bundle" >>"$work/times-runc" ;;
            crun) nsenter -t "$nspid" -m sh "$work/one-cycle" "$crun" "$work/root-crun" "$id" "$bundle" >>"$work/times-crun" ;;
        esac
    done
    r=$((r + 1))
done

median() { # column file
    awk -v c="$1" '{print $c}' "$2" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'
}

echo "cycle benchmark: $rounds rounds, median milliseconds ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-8s %7s %7s %7s %7s %7s %9s\n' runtime create start state delete cycle "vs runc"
runc_cycle=
[ -n "$runc" ] && runc_cycle=$(median 5 "$work/times-runc")
for rt in $runtimes; do
    f="$work/times-$rt"
    c=$(median 5 "$f")
    ratio=-
    [ -n "$runc_cycle" ] && [ "$runc_cycle" -gt 0 ] && ratio=$(awk -v a="$c" -v b="$runc_cycle" 'BEGIN {printf "%.1fx", a / b}')
    printf '%-8s %7s %7s %7s %7s %7s %9s\n' "$rt" "$(median 1 "$f")" "$(median 2 "$f")" "$(median 3 "$f")" \
        "$(median 4 "$f")" "$c" "$ratio"
done
