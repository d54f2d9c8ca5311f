#!/usr/bin/env bash
# A virtual sound card for the audio tests and headless machines: PulseAudio with a null sink as the
# default output (its ".monitor" source records what was played). Safe to run again; works as root in a
# container without D-Bus or systemd. Prints the sink name.
#
# norewinds=1 matters: without it the null sink rewinds on every new stream and playback through the
# ALSA pulse plugin stalls 1–1.6 s at start.
set -euo pipefail

SINK="${STUDIO_NULL_SINK:-studio_null}"
RATE="${STUDIO_NULL_RATE:-48000}"

if ! command -v pulseaudio >/dev/null 2>&1 || ! command -v pactl >/dev/null 2>&1; then
  echo "virtual-soundcard: pulseaudio/pactl not installed (run packaging/install.sh)" >&2
  exit 1
fi

if ! pactl info >/dev/null 2>&1; then
  # -n: skip default.pa (it probes real hardware, D-Bus and X11); load only what a null card needs.
  pulseaudio --daemonize=yes -n --exit-idle-time=-1 --disallow-exit --use-pid-file=yes \
    --log-target=stderr --log-level=error \
    --load="module-native-protocol-unix auth-anonymous=1" \
    2>/dev/null || true
  for _ in $(seq 1 50); do
    pactl info >/dev/null 2>&1 && break
    sleep 0.1
  done
  pactl info >/dev/null 2>&1 || { echo "virtual-soundcard: PulseAudio did not start" >&2; exit 1; }
fi

if ! pactl list short sinks | awk '{print $2}' | grep -qx "$SINK"; then
  pactl load-module module-null-sink sink_name="$SINK" rate="$RATE" channels=2 norewinds=1 \
    sink_properties=device.description=StudioNullSink >/dev/null
fi
pactl set-default-sink "$SINK"
pactl set-default-source "$SINK.monitor"
echo "$SINK"
