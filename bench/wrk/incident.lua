-- One incident by id, at random among the ids run.sh collected (bench/out/incident-ids.txt).
dofile("bench/wrk/report.lua")
endpoint = "incident"

function init(args)
	math.randomseed(os.time() * 100 + (thread_number or 0))
	ids = read_lines(args[1])
end

function request()
	return wrk.format("GET", "/api/v1/incidents/" .. ids[math.random(#ids)])
end
