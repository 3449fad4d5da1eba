-- wrk script: POST one mutation (generatePreSignedToken) to a running mock, as a granted caller.
-- Usage (README, "Mock server throughput"):
--   krakengen mock schema/oees/mutations.txt --listen 127.0.0.1:4000 &
--   wrk -t2 -c32 -d10s -s crates/krakengen-server/benches/wrk-mock.lua http://127.0.0.1:4000/graphql
-- Every response is checked: a non-200 status or a body without the token counts as an error, so a
-- mock that answers fast but wrongly does not look fast.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Kraken-Permissions"] = "Can generate pre signed tokens"
-- Each connection is its own user, so the run measures serving, not the mutation's rate limit
-- (generatePreSignedToken documents none; the header is there for mutations that do).
wrk.headers["Authorization"] = "wrk"
wrk.body = '{"query": "mutation { generatePreSignedToken(email: \\"a@example.com\\", numberOfDaysAllowed: 3, scope: SUBMIT_METER_READINGS) { token scope tokenExpiryDatetime } }"}'

-- response() runs in each thread's own Lua state; setup() keeps the threads so done() can add up
-- their counters.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

bad = 0
function response(status, headers, body)
  if status ~= 200 or not string.find(body, "century-reflect-white-store-idea", 1, true) then
    bad = bad + 1
    if bad == 1 then io.stderr:write("unexpected response: " .. status .. " " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("bad")
  end
  io.write(string.format("requests: %d, wrong answers: %d\n", summary.requests, wrong))
  if wrong > 0 then os.exit(1) end
end
