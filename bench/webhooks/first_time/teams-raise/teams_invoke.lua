-- First-time Teams `ticket <unique text>` 1:1 messages, each with its own JWT (see ../first_time.lua; named so run_peers.sh checks
-- it as a Teams target).
FIRST_TIME_KIND = "teams-raise"
FIRST_TIME_PATH = "/api/messages"
dofile(assert(os.getenv("FIRST_TIME_DIR"), "FIRST_TIME_DIR is not set") .. "/first_time.lua")
