-- wrk script: first-time Slack or Teams requests, each body unique and signed beforehand (wrk's Lua has no HMAC or RSA).
-- The bodies are made by `ChatEscalation.Bench.FullPath sign` into $FIRST_TIME_BODIES/<kind>.tsv, one per line:
-- Slack kinds timestamp TAB signature TAB body, Teams kinds (teams-*) authorization TAB body (a JWT per request).
-- Thread t of T sends lines offset+t, offset+t+T, ... so no body is sent twice; done()
-- moves the offset past what this run used, so the measured run after the warm-up starts on fresh bodies.
-- When a run needs more bodies than the file holds, the last one is sent again (a repeat: cheap, not first-time); done() counts those
-- and appends the count to $FIRST_TIME_BODIES/repeated.log, which run.sh reports as a failed measurement.
-- Loaded by first_time/<target>/slack_interaction.lua or teams_invoke.lua, which sets FIRST_TIME_KIND and FIRST_TIME_PATH (the
-- file name makes run_peers.sh check the target as a Slack one: signed 2xx, wrong signature 401, stale timestamp 401; or as a
-- Teams one: its fixed invoke with its token answered 200 with an adaptiveCard/action response).
local dir = assert(os.getenv("FIRST_TIME_BODIES"), "FIRST_TIME_BODIES is not set")
local file = dir .. "/" .. FIRST_TIME_KIND .. ".tsv"
local offset_file = dir .. "/" .. FIRST_TIME_KIND .. ".offset"
local count = 0
local threads_seen = {}
local teams = FIRST_TIME_KIND:sub(1, 6) == "teams-"

local function read_offset()
  local f = io.open(offset_file, "r")
  if f == nil then return 0 end
  local n = tonumber(f:read("*l")) or 0
  f:close()
  return n
end

function setup(thread)
  count = count + 1
  thread:set("id", count)
  threads_seen[#threads_seen + 1] = thread
end

function init(args)
  local threads = tonumber(os.getenv("THREADS") or "2")
  local start = read_offset()
  lines = {}
  local i = 0
  for line in io.lines(file) do
    if i >= start and (i - start) % threads == (id - 1) then lines[#lines + 1] = line end
    last_line = line
    i = i + 1
  end
  next_line = 1
  repeated = 0
end

function request()
  local line = lines[next_line]
  if line == nil then line = lines[#lines] or last_line; repeated = repeated + 1 else next_line = next_line + 1 end
  if teams then
    local auth, activity = line:match("^([^\t]*)\t(.*)$")
    return wrk.format("POST", FIRST_TIME_PATH, {
      ["Content-Type"] = "application/json; charset=utf-8",
      ["Authorization"] = auth,
      ["User-Agent"] = "Microsoft-SkypeBotApi (Microsoft-BotFramework/3.0)",
    }, activity)
  end
  local ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
  return wrk.format("POST", FIRST_TIME_PATH, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Slack-Request-Timestamp"] = ts,
    ["X-Slack-Signature"] = sig,
    ["User-Agent"] = "Slackbot 1.0 (+https://api.slack.com/robots)",
  }, body)
end

function done(summary, latency, requests)
  local f = assert(io.open(offset_file, "w"))
  f:write(tostring(read_offset() + summary.requests + 1000))
  f:close()
  local repeats = 0
  for _, thread in ipairs(threads_seen) do repeats = repeats + (tonumber(thread:get("repeated")) or 0) end
  if repeats > 0 then
    local line = string.format("%s: %d bodies sent again (%d requests answered), the file of %s ran out", FIRST_TIME_KIND, repeats, summary.requests, file)
    print("first_time.lua: " .. line)
    local log = assert(io.open(dir .. "/repeated.log", "a"))
    log:write(line .. "\n")
    log:close()
  end
end
