-- POST /api/v1/incidents: a one-day battle between two existing actors, with one curated figure.
dofile("bench/wrk/report.lua")
endpoint = "incident-create"

function init(args)
	key = args[1]
	math.randomseed(os.time() * 100 + (thread_number or 0))
	actors = read_lines(args[3])
end

function request()
	local a = actors[math.random(#actors)]
	local b = actors[math.random(#actors)]
	local body = string.format('{"title": "Bench clash", "startDate": "2025-%02d-%02d", "datePrecision": "DAY", '
		.. '"eventType": "BATTLES", "subEventType": "ARMED_CLASH", "location": {"country": "PAK"}, '
		.. '"actors": [{"actorId": "%s", "role": "INITIATOR"}, {"actorId": "%s", "role": "TARGET"}], '
		.. '"casualties": [{"category": "SECURITY_FORCES", "outcome": "KILLED", "best": %d}]}',
		math.random(1, 12), math.random(1, 28), a, b, math.random(0, 20))
	return wrk.format("POST", "/api/v1/incidents", { ["Content-Type"] = "application/json",
		["Authorization"] = "Bearer " .. key, ["X-Change-Reason"] = "write benchmark" }, body)
end
