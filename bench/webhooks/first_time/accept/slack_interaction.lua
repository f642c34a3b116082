-- First-time Slack Accept clicks, each on another unowned ticket by a Tier 1 technician (see ../first_time.lua).
FIRST_TIME_KIND = "slack-accept"
FIRST_TIME_PATH = "/slack/interactions"
dofile(assert(os.getenv("FIRST_TIME_DIR"), "FIRST_TIME_DIR is not set") .. "/first_time.lua")
