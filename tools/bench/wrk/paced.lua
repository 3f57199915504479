-- Fixed-rate pacing for wrk (which has no rate option), shared by the Alexandria wrk scripts.
--
-- wrk calls delay() before every request of a connection and waits that many milliseconds, counted from the
-- end of the previous response on that connection. Each thread owns RATE/THREADS requests per second: every
-- call to delay() books the thread's next send slot (one slot every 1000*THREADS/RATE ms) and waits until it,
-- so the offered rate stays at RATE whatever the latency, as long as a connection is free for each slot
-- (CONNECTIONS * 1000 / period_ms >= RATE with a margin for the latency). Without a monotonic clock (no LuaJIT
-- FFI) it falls back to the plain per-connection delay CONNECTIONS*1000/RATE ms, which offers slightly less than
-- RATE because each period also contains the response time.
--
-- Environment: RATE (requests/s, default 200), THREADS and CONNECTIONS (must match wrk -t and -c).
-- done() prints the achieved rate and the latency percentiles as "key=value" lines for the run script.

local M = {}

M.rate = tonumber(os.getenv("RATE") or "200")
M.threads = tonumber(os.getenv("THREADS") or "1")
M.connections = tonumber(os.getenv("CONNECTIONS") or "4")

local ok, ffi = pcall(require, "ffi")
local now_ms
if ok then
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } alx_timespec;
    int clock_gettime(int clk_id, alx_timespec *tp);
  ]]
  local ts = ffi.new("alx_timespec")
  now_ms = function()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
end

local period = 1000 * M.threads / M.rate -- ms between two sends of this thread
local fixed = 1000 * M.connections / M.rate -- ms between two sends of one connection (fallback)
local next_slot = nil

function M.delay()
  if not now_ms then
    return fixed
  end
  local now = now_ms()
  if next_slot == nil then
    -- spread the threads' first slots over one period
    next_slot = now + (math.random() * period)
  else
    next_slot = math.max(next_slot + period, now - period) -- a late slot is sent at once, not made up twice
  end
  return math.max(0, math.floor(next_slot - now + 0.5))
end

function M.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local non2xx = e.status
  io.write(string.format("target_rps=%d\n", M.rate))
  io.write(string.format("achieved_rps=%.1f\n", summary.requests / seconds))
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d non_2xx_3xx=%d\n",
    e.connect, e.read, e.write, e.timeout, non2xx))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency_p%s_ms=%.2f\n", tostring(p), latency:percentile(p) / 1000))
  end
  io.write(string.format("latency_max_ms=%.2f\n", latency.max / 1000))
end

return M
