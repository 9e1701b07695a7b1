#!/usr/bin/env bash
# Regenerates docs/screenshots/{create-account,main-screen,sign-in,delete-account}.png from the real app: the
# fat jar over the real core, in a temporary data directory, under Xvfb (1280x800), driven by real X input.
# On the way it checks what the core left on disk: after the first run the data directory holds db.key,
# db.key.bak and db/db.mv.db, and the nickname is in none of its files (the identity is stored encrypted);
# a second start on the same directory opens at "Sign in"; Delete account removes the key files and the database.
#
# Needs: xvfb, imagemagick, xdotool, python3, and the fat jar:
#   mvn -B -o -pl messenger-ui -am -DskipTests package
# The click positions belong to the 960x640 window centred on the screen (no window manager).
set -euo pipefail

if [ -z "${THICKET_IN_XVFB:-}" ]; then
  exec env THICKET_IN_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

repo=$(cd "$(dirname "$0")/../.." && pwd)
tools=$repo/messenger-ui/tools
jar=$repo/messenger-ui/target/messenger-ui-0.1.0-SNAPSHOT-all.jar
out=$repo/docs/screenshots
work=$(mktemp -d)
data=$work/data
mkdir -p "$out"
[ -f "$jar" ] || { echo "no $jar: build it first (see the top of this script)" >&2; exit 1; }

nickname='Zoë'
password='Thicket-Walk 42 maple'
app=

stop_app() {
  if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then kill "$app"; wait "$app" || true; fi
  app=
}
trap 'stop_app; rm -rf "$work"' EXIT

# wait_for FILE TEXT SECONDS: until the log FILE contains TEXT, at most SECONDS
wait_for() {
  for _ in $(seq 1 $(($3 * 5))); do grep -qF "$2" "$1" && return 0; sleep 0.2; done
  echo "gave up waiting for '$2' in $1:" >&2; cat "$1" >&2; return 1
}

# start_app LOG: the real app on $data; returns once the first frame is drawn
start_app() {
  java -Dskiko.renderApi=SOFTWARE -jar "$jar" --data-dir "$data" >"$1" 2>&1 &
  app=$!
  wait_for "$1" FIRST_FRAME 30
  grep FIRST_FRAME "$1"
  sleep 1
}

# close_app LOG: the window's close button, as far as the app can tell; the account is signed out on the way out
close_app() {
  python3 "$tools/close-window.py" "$(xdotool search --name '^Thicket$' | head -n 1)"
  for _ in $(seq 1 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
  stop_app
  grep -q 'Lifecycle state STOPPED' "$1" || { echo "the database was not closed on exit" >&2; exit 1; }
}

shot() { import -window root -crop 960x640+160+80 +repage "$out/$1.png"; echo "wrote $out/$1.png"; }
type_at() { xdotool mousemove "$1" "$2" click 1; sleep 0.3; xdotool type --delay 40 "$3"; }

# 1. First start: create the account.
start_app "$work/first.log"
type_at 640 337 "$nickname"
type_at 640 434 "$password"
type_at 640 531 "$password"
sleep 0.5
shot create-account
xdotool key Return
wait_for "$work/first.log" 'Lifecycle state RUNNING' 30
sleep 1
shot main-screen
close_app "$work/first.log"

# 2. What is on disk: the key files and the encrypted database, and the nickname nowhere in clear.
for file in db.key db.key.bak db/db.mv.db; do
  [ -s "$data/$file" ] || { echo "missing: $data/$file" >&2; exit 1; }
done
python3 - "$data" "$nickname" <<'EOF'
import pathlib, sys
root, name = pathlib.Path(sys.argv[1]), sys.argv[2]
forms = {encoding: name.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")}
files = [p for p in root.rglob("*") if p.is_file()]
found = [(str(p), e) for p in files for e, form in forms.items() if form in p.read_bytes()]
if found:
    sys.exit(f"the nickname is readable on disk: {found}")
print(f"the nickname is in none of {len(files)} files: {', '.join(str(p.relative_to(root)) for p in files)}")
EOF

# 3. Second start on the same directory: "Sign in"; a wrong password, then the right one.
start_app "$work/second.log"
type_at 640 362 'wrong password'
xdotool key Return
wait_for "$work/second.log" 'Sign-in refused: wrong password' 30
sleep 1
shot sign-in
xdotool type --delay 40 "$password"   # the field has the focus back
xdotool key Return
wait_for "$work/second.log" 'Lifecycle state RUNNING' 30
sleep 1
import -window root -crop 960x640+160+80 +repage "$work/signed-in.png"
echo "pixels that differ from main-screen.png after signing in again:" \
  "$(compare -metric AE "$out/main-screen.png" "$work/signed-in.png" null: 2>&1 || true)"

# 4. Sign out, then Delete account: the confirmation, and afterwards no account on disk.
xdotool mousemove 1046 114 click 1     # Sign out
wait_for "$work/second.log" 'Lifecycle state STOPPED' 30
sleep 1
xdotool mousemove 520 531 click 1      # Delete account
sleep 1
shot delete-account
xdotool mousemove 848 456 click 1      # Delete
wait_for "$work/second.log" 'Deleted the account' 30
for file in db.key db.key.bak db; do
  [ ! -e "$data/$file" ] || { echo "still there after Delete account: $data/$file" >&2; exit 1; }
done
echo "Delete account removed db.key, db.key.bak and db/"
close_app "$work/second.log"
