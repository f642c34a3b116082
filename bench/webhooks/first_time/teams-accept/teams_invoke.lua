-- First-time Teams Accept invokes (adaptiveCard/action) on another unowned ticket each, by a mapped Tier 1 technician, each with its
-- own JWT (see ../first_time.lua; named so run_peers.sh checks it as a Teams target).
FIRST_TIME_KIND = "teams-accept"
FIRST_TIME_PATH = "/api/messages"
dofile(assert(os.getenv("FIRST_TIME_DIR"), "FIRST_TIME_DIR is not set") .. "/first_time.lua")
