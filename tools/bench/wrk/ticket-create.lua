-- wrk script: POST /api/v1/tickets at a fixed rate (see paced.lua), as the agent user, one new ticket per
-- request with varied subject, description and priority. Used by run-ticket-create.sh; by hand:
--   RATE=200 THREADS=2 CONNECTIONS=8 wrk -t2 -c8 -d60s --latency -s tools/bench/wrk/ticket-create.lua http://localhost:8181
-- Environment: USER_PASS (default agent:agent), TICKET_PATH (default /api/v1/tickets), and paced.lua's.
package.path = (debug.getinfo(1, "S").source:match("^@?(.*/)") or "./") .. "?.lua;" .. package.path
local paced = require("paced")

local function base64(s)
  local b = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  return ((s:gsub(".", function(x)
    local r, byte = "", x:byte()
    for i = 8, 1, -1 do r = r .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return b:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#s % 3 + 1])
end

local path = os.getenv("TICKET_PATH") or "/api/v1/tickets"
local auth = "Basic " .. base64(os.getenv("USER_PASS") or "agent:agent")

local subjects = {
  "Cannot log in after password reset", "Invoice shows the wrong amount", "Card declined abroad",
  "Transfer still pending after three days", "Sync client stuck at 99%", "API returns 429 on every request",
  "Mobile app crashes on start", "Export to CSV times out", "Two-factor code never arrives",
  "Refund not received", "Parcel marked delivered but not here", "Installer fails on Windows 11",
}
local bodies = {
  "Hi, since this morning I get an error when I try this. I already cleared the cache and restarted. Please help.",
  "Hello team, this started after the last update. Steps: open the page, click the button, nothing happens. " ..
    "Browser: Firefox 128. Thanks.",
  "Dear support, it worked yesterday. The message says 'something went wrong (E4021)'. This is urgent for us.",
}
local priorities = { "LOW", "NORMAL", "NORMAL", "NORMAL", "HIGH", "URGENT" }

local counter = 0
thread_id = 0 -- global: setup() sets it in each thread
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(thread_id * 7919)
end

function request()
  counter = counter + 1
  local n = thread_id * 1000000 + counter
  local body = string.format(
    '{"subject":"%s (load test %d)","description":"%s","priority":"%s",' ..
    '"requesterEmail":"load-%d@example.com","requesterName":"Load Test %d","tags":["load-test"]}',
    subjects[n % #subjects + 1], n, bodies[n % #bodies + 1], priorities[n % #priorities + 1], n % 500, n % 500)
  return wrk.format("POST", path, {
    ["Authorization"] = auth,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }, body)
end

delay = paced.delay
done = paced.done
