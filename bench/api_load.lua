-- wrk reporting for bench/api_load.py: p50/p95/p99 (`wrk --latency` prints 50/75/90/99 only),
-- the error counts, and the whole latency histogram as one JSON line, so that api_load.py can
-- merge several rounds of the same URL. By hand:
--
--     wrk -t2 -c16 -d10s -s bench/api_load.lua 'http://127.0.0.1:8000/api/v1/content?limit=20'
--
-- Latencies are microseconds, as wrk records them; wrk 4 adds its coordinated-omission correction
-- to the histogram before done() sees it, as it does for the percentiles it prints itself.

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; %d requests in %.2f s; errors: connect %d, read %d, write %d, timeout %d, HTTP status >= 400 %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.timeout, e.status))
  local buckets = {}
  for i = 1, #latency do
    local value, count = latency(i)
    buckets[#buckets + 1] = string.format("[%d,%d]", value, count)
  end
  io.write(string.format(
    'API_LOAD_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d},'
      .. '"p50_us":%d,"p95_us":%d,"p99_us":%d,"mean_us":%.1f,"max_us":%d,"histogram":[%s]}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max,
    table.concat(buckets, ",")))
end
