-- wrk script: GET /api/v1/health at a fixed rate (see paced.lua): the trivial-endpoint baseline of
-- run-ticket-create.sh. Environment: USER_PASS (sent as Basic auth when set), and paced.lua's.
package.path = (debug.getinfo(1, "S").source:match("^@?(.*/)") or "./") .. "?.lua;" .. package.path
local paced = require("paced")

local headers = { ["Accept"] = "application/json" }

function request()
  return wrk.format("GET", "/api/v1/health", headers)
end

delay = paced.delay
done = paced.done
