-- Loaded by the other scripts (and usable alone with -s): at the end of a wrk run, one line that run.sh reads.
-- Latencies are wrk's (microseconds, closed loop: each connection sends its next request when the answer arrives).
-- errors = connection errors + timeouts + answers with a status >= 400 (wrk's own counts).
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "wrk-result requests=%d seconds=%.3f errors=%d status_errors=%d bytes=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
      summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.status + e.timeout, e.status,
      summary.bytes, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000))
end
