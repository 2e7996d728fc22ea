-- The state of the world as of a random day between 2015-01-01 and 2025-12-31.
dofile("bench/wrk/report.lua")
endpoint = "situation"

function init(args)
	math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
	local day = os.date("!%Y-%m-%d", os.time({ year = 2015, month = 1, day = 1, hour = 12 }) + math.random(0, 4017) * 86400)
	return wrk.format("GET", "/api/v1/situation?asOf=" .. day)
end
