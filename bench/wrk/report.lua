-- Shared by the endpoint scripts: per-thread set-up and the parseable summary line.

-- Reads one value per line from a file (ids, cursors) into a table.
function read_lines(path)
	local values = {}
	local file = io.open(path, "r")
	if file then
		for line in file:lines() do
			values[#values + 1] = line
		end
		file:close()
	end
	return values
end

local thread_count = 0

function setup(thread)
	thread_count = thread_count + 1
	thread:set("thread_number", thread_count)
end

-- One parseable line: BENCH endpoint=... requests=... rps=... p50_ms=... p99_ms=... errors=...
function done(summary, latency, requests)
	local seconds = summary.duration / 1000000
	local errors = summary.errors.connect + summary.errors.read + summary.errors.write
		+ summary.errors.status + summary.errors.timeout
	io.write(string.format("BENCH endpoint=%s requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
		endpoint, summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, errors))
end
