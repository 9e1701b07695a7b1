#!/usr/bin/env bash
# Regenerates docs/screenshots/{create-account,main-screen,sign-in,delete-account}.png: the real window over the
# test-scope FakeAccountGateway, under Xvfb (1280x800), driven by real X input with xdotool.
# Needs: xvfb, imagemagick, xdotool, and compiled classes:
#   mvn -B -o -pl messenger-ui -am -Dkotlin.compiler.daemon=false test-compile
# The click positions belong to the 960x640 window centred on the screen (no window manager).
set -euo pipefail

if [ -z "${THICKET_IN_XVFB:-}" ]; then
  exec env THICKET_IN_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

repo=$(cd "$(dirname "$0")/../.." && pwd)
out=$repo/docs/screenshots
work=$(mktemp -d)
mkdir -p "$out"

mvn -B -o -q -f "$repo/pom.xml" -pl messenger-ui dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
# this worktree's own modules, not whatever another build left in ~/.m2
modules=$repo/messenger-ui/target/test-classes:$repo/messenger-ui/target/classes
modules=$modules:$repo/messenger-core/target/classes:$repo/bramble-core/target/classes
libraries=$(tr ':' '\n' <"$work/cp.txt" | grep -v '/org/thicket/' | paste -sd:)

java -Dskiko.renderApi=SOFTWARE -Dthicket.autoExitMs=60000 -Dthicket.dataDir="$work/data" \
  -cp "$modules:$libraries" org.thicket.messenger.ui.FakeMain >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 150); do grep -q FIRST_FRAME "$work/app.log" && break; sleep 0.2; done
grep FIRST_FRAME "$work/app.log"
sleep 1

shot() { import -window root -crop 960x640+160+80 +repage "$out/$1.png"; echo "wrote $out/$1.png"; }
type_at() { xdotool mousemove "$1" "$2" click 1; sleep 0.3; xdotool type --delay 40 "$3"; }

type_at 640 337 'Zoë'
type_at 640 434 'correct horse battery'
type_at 640 536 'correct horse battery'
sleep 0.5
shot create-account

xdotool key Return     # the fake takes a second, like scrypt
sleep 2.5
shot main-screen

xdotool mousemove 1046 114 click 1     # Sign out
sleep 1.5
type_at 640 362 'wrong password'
xdotool key Return
sleep 2.5
shot sign-in

xdotool mousemove 520 547 click 1      # Delete account
sleep 1
shot delete-account
