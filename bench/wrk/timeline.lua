-- A timeline page for one country and one year, at a random keyset position: run.sh walked the
-- pages with curl and wrote each page's query (the first one, then one per nextCursor) to a file.
dofile("bench/wrk/report.lua")
endpoint = "timeline"

function init(args)
	math.randomseed(os.time() * 100 + (thread_number or 0))
	pages = read_lines(args[1])
end

function request()
	return wrk.format("GET", pages[math.random(#pages)])
end
