#!/bin/bash
# Container HEALTHCHECK: asks the service's readiness group (readinessState, mongo, kafka) over plain HTTP, on the
# management port (the actuator is not on the API port).
# eclipse-temurin JRE images do not promise curl or wget, so this uses only bash's /dev/tcp and coreutils.
# Exit 0 only for an HTTP 200 answer; any other status, a refused connection or a timeout is unhealthy.
port="${MANAGEMENT_PORT:-${INTEGRITY_MANAGEMENT_PORT:-9080}}"
path="${1:-/actuator/health/readiness}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
read -r -t 4 status_line <&3 || exit 1
exec 3<&- 3>&-
case "$status_line" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) exit 1 ;;
esac
