# Sourced by the benchmark scripts: prints the load, and stops when the machine is busy (the
# 1-minute load average 1.5 or more) unless the script was given --force.
load() { cut -d' ' -f1 /proc/loadavg; }
require_idle() { # $1: the script's first argument
  echo "load before: $(uptime)"
  if awk -v l="$(load)" 'BEGIN { exit !(l >= 1.5) }'; then
    if [ "${1:-}" != "--force" ]; then
      echo "load average $(load) >= 1.5: the machine is busy, figures would be noise. Wait, or pass --force." >&2
      exit 1
    fi
    echo "WARNING: load average $(load) >= 1.5, running anyway (--force); do not publish these figures" >&2
  fi
}
