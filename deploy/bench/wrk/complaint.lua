-- POST /api/complaints with a body unique to each request, so nothing downstream can deduplicate or cache it:
--   wrk -t2 -c32 -d30s -s complaint.lua http://127.0.0.1:18080/api/complaints [-- agency]
-- The same JSON the JVM load generator sends: agency, category and "benchmark complaint <unique id>".
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
end

local agency = "wangthonglang"
local prefix, counter
function init(args)
   if args[1] then agency = args[1] end
   -- id is set by setup() in this thread's own Lua state; the clock keeps two runs apart.
   prefix = string.format("%x-%d-%x", os.time(), id or 0, math.random(0, 0x7fffffff))
   counter = 0
end

local headers = { ["Content-Type"] = "application/json" }
function request()
   counter = counter + 1
   local body = '{"agency":"' .. agency .. '","category":"CORRUPTION","details":"benchmark complaint '
      .. prefix .. "-" .. counter .. '"}'
   return wrk.format("POST", nil, headers, body)
end
