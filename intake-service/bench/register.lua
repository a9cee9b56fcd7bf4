-- wrk script: POST a group petition to intake, each with its own title so no two bodies are alike.
-- Latency percentiles and the status mix are printed at the end.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- The tenant comes from the token (bench/run.sh mints it from the local issuer, or takes BENCH_TOKEN as given).
local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  error("BENCH_TOKEN is not set: run intake-service/bench/run.sh, or export a token of a school clerk")
end
wrk.headers["Authorization"] = "Bearer " .. token

local counter = 0
local statuses = {}

request = function()
  counter = counter + 1
  local body = '{"channel":"VISIT","form":"GROUP","headcount":12,"escalated":false,"anonymous":false,' ..
    '"petitioners":[{"name":"王某","phone":"13800000000","relation":"PARENT"}],' ..
    '"subject":null,"title":"家长反映食堂卫生问题 ' .. counter .. '",' ..
    '"description":"十余名家长在校门口聚集，反映食堂卫生差。","place":"学校正门","riskSignals":["BLOCKING"]}'
  return wrk.format(nil, "/api/v1/petitions", nil, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s: %.0f/s\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6)))
  for _, p in pairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
