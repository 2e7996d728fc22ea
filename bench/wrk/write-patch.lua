-- PATCH /api/v1/incidents/{id}: a new description for an incident created by the benchmark.
dofile("bench/wrk/report.lua")
endpoint = "incident-patch"

local counter = 0

function init(args)
	key = args[1]
	math.randomseed(os.time() * 100 + (thread_number or 0))
	ids = read_lines(args[3])
end

function request()
	counter = counter + 1
	local body = string.format('{"description": "Revised by thread %d, edit %d"}', thread_number, counter)
	return wrk.format("PATCH", "/api/v1/incidents/" .. ids[math.random(#ids)], {
		["Content-Type"] = "application/merge-patch+json", ["Authorization"] = "Bearer " .. key,
		["X-Change-Reason"] = "write benchmark" }, body)
end
