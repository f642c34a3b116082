-- First-time Slack `/ticket <unique text>` raises (see ../first_time.lua; named so run_peers.sh checks it as a Slack target).
FIRST_TIME_KIND = "slack-raise"
FIRST_TIME_PATH = "/slack/commands"
dofile(assert(os.getenv("FIRST_TIME_DIR"), "FIRST_TIME_DIR is not set") .. "/first_time.lua")
