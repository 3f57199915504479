-- wrk script: POST /api/v1/tickets at a fixed rate (see paced.lua) with texts written the ways customers
-- write about crashes (full trace pasted, a few frames, only the message, no technical detail, something
-- else), each ticket tagged with the run id so run-resolution-latency.sh can find them afterwards.
-- Environment: AUTH_B64 (base64 of user:password), RUN_ID, and paced.lua's RATE, THREADS, CONNECTIONS.
package.path = (debug.getinfo(1, "S").source:match("^@?(.*/)") or "./") .. "?.lua;" .. package.path
local paced = require("paced")

local auth = "Basic " .. (os.getenv("AUTH_B64") or "")
local run = os.getenv("RUN_ID") or "run"
local npe = "java.lang.NullPointerException: Attempt to invoke virtual method 'java.lang.String " ..
  "com.shopfront.cart.CartItem.getSku()' on a null object reference"
local bodies = {
  "Every time I pay the app closes. From the crash dialog:\\n\\n" .. npe ..
    "\\n\\tat com.shopfront.checkout.CheckoutPresenter.buildOrder(CheckoutPresenter.java:214)" ..
    "\\n\\tat com.shopfront.checkout.CheckoutPresenter.onPayClicked(CheckoutPresenter.java:97)\\n",
  "It crashes at checkout, the log ends with at com.shopfront.checkout.CheckoutPresenter.buildOrder(CheckoutPresenter.java:214)",
  "The app shows: " .. npe,
  "Hi, the app just closes when I press Pay. I reinstalled it, same thing. Please help, customers are waiting.",
  "How do I change the currency of my store? I could not find it in the settings.",
}
local subjects = { "App crashes when I pay", "Checkout crash", "Error at checkout", "Pay button closes the app",
  "Currency settings" }

local counter = 0
thread_id = 0 -- global: setup() sets it in each thread
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local n = thread_id * 1000000 + counter
  local k = n % #bodies + 1
  local body = string.format(
    '{"subject":"%s (%s #%d)","description":"%s","requesterEmail":"latency-%d@example.com",' ..
    '"product":"shopfront-android","appVersion":"4.2.1","tags":["latency-%s"]}',
    subjects[k], run, n, bodies[k], n % 200, run)
  return wrk.format("POST", "/api/v1/tickets", {
    ["Authorization"] = auth,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }, body)
end

delay = paced.delay
done = paced.done
