-- POST /api/v1/actors: a new actor with a name no other request uses.
dofile("bench/wrk/report.lua")
endpoint = "actor-create"

local counter = 0

function init(args)
	key = args[1]
	-- unique across wrk runs too: the warm-up and the measurement must not collide
	math.randomseed(os.time() * 100 + (thread_number or 0))
	run = args[2] .. "-" .. os.time() .. "-" .. math.random(1000000000)
end

function request()
	counter = counter + 1
	local body = string.format('{"name": "Bench actor %s-%d-%d", "kind": "OTHER", "country": "PAK"}',
		run, thread_number, counter)
	return wrk.format("POST", "/api/v1/actors", { ["Content-Type"] = "application/json",
		["Authorization"] = "Bearer " .. key, ["X-Change-Reason"] = "write benchmark" }, body)
end
