-- Weekly incident statistics by type for one country and a random year (2015-2025).
dofile("bench/wrk/report.lua")
endpoint = "stats"

function init(args)
	math.randomseed(os.time() * 100 + (thread_number or 0))
	country = args[1] or "PAK"
end

function request()
	local year = math.random(2015, 2025)
	return wrk.format("GET", string.format(
		"/api/v1/stats/incidents?interval=week&groupBy=type&country=%s&from=%d-01-01&to=%d-12-31", country, year, year))
end
