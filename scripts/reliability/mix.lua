-- wrk script for scripts/soak: every request picks one of the authenticated routes
-- or a login, with credentials made by soak.py (a Lua file passed after `--`).
--
--   35%  GET  /session/me        Cookie: sid=<one of the seeded sessions>
--   35%  GET  /jwt/me            Authorization: Bearer <one of the seeded tokens>
--   20%  GET  /session/sessions  Cookie: sid=<...>
--    5%  POST /session/login     {"username","password"} of a login-only user
--    5%  POST /jwt/login         same
--
-- Each thread counts statuses by route in `counts`; done() gathers them from every
-- thread and prints one line `SOAK-STATUS {"<route> <status>": n, ...}` for soak.py.

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    data = dofile(args[1])
    counts = {}
    -- Threads start within the same second: mix in this state's table address.
    local address = tonumber(tostring({}):match("0x(%x+)") or "0", 16) or 0
    math.randomseed(os.time() + address % 1000003)
end

local function pick(list)
    return list[math.random(#list)]
end

function request()
    local r = math.random(100)
    local route, req
    if r <= 35 then
        route = "/session/me"
        req = wrk.format("GET", route, { ["Cookie"] = "sid=" .. pick(data.cookies) })
    elseif r <= 70 then
        route = "/jwt/me"
        req = wrk.format("GET", route, { ["Authorization"] = "Bearer " .. pick(data.tokens) })
    elseif r <= 90 then
        route = "/session/sessions"
        req = wrk.format("GET", route, { ["Cookie"] = "sid=" .. pick(data.cookies) })
    else
        route = (r <= 95) and "/session/login" or "/jwt/login"
        local user = pick(data.logins)
        local body = '{"username":"' .. user .. '","password":"' .. data.password .. '"}'
        req = wrk.format("POST", route, { ["Content-Type"] = "application/json" }, body)
    end
    -- One request in flight per connection (no pipelining), but responses of the
    -- thread's connections interleave: count routes sent and statuses received.
    counts["sent " .. route] = (counts["sent " .. route] or 0) + 1
    return req
end

function response(status, headers, body)
    local key = "status " .. status
    counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        local c = thread:get("counts")
        for key, n in pairs(c) do
            total[key] = (total[key] or 0) + n
        end
    end
    local parts = {}
    for key, n in pairs(total) do
        table.insert(parts, string.format('"%s":%d', key, n))
    end
    table.sort(parts)
    io.write("SOAK-STATUS {" .. table.concat(parts, ",") .. "}\n")
    io.write(string.format("SOAK-LATENCY {\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
