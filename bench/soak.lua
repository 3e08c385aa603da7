-- wrk script for bench/soak.sh: every connection walks the main GET resources in turn, and the 5xx answers are counted apart
-- (wrk itself counts every answer that is not 2xx or 3xx as one "status" error).
local paden = {
  "/v1/begrotingen",
  "/v1/standen?begroting=JenV",
  "/v1/begrotingen/JenV/artikelen",
  "/v1/totalen?begroting=JenV&begroting=AenM&groepering=artikel",
  "/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026",
  "/v1/aandelen?begroting=JenV&niveau=waarvan",
  "/v1/aansluitingen",
  "/v1/bedragen?paginaGrootte=1000",
  "/v1/bedragen?paginaGrootte=1000&formaat=csv",
  "/v1/mutaties?begroting=JenV&begrotingsjaar=2015&van=ontwerpbegroting&naar=jaarverslag&soort=uitgaven&niveau=artikel",
  "/v1/uitputting?begroting=JenV&begrotingsjaar=2015&soort=uitgaven",
  "/v1/bevindingen",
  "/v1/organisaties/DJI",
  "/v1/bezetting",
}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  volgnummer = math.random(#paden)
  vijfhonderd = 0
  anders = 0
end

function request()
  volgnummer = volgnummer + 1
  return wrk.format("GET", paden[(volgnummer % #paden) + 1])
end

function response(status, headers, body)
  if status >= 500 then
    vijfhonderd = vijfhonderd + 1
  elseif status >= 300 then
    anders = anders + 1
  end
end

function done(summary, latency, requests)
  local v, a = 0, 0
  for _, thread in ipairs(threads) do
    v = v + thread:get("vijfhonderd")
    a = a + thread:get("anders")
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("telling verzoeken=%d socketfouten=%d niet-2xx=%d 5xx=%d 3xx-4xx=%d p50ms=%.1f p99ms=%.1f maxms=%.1f\n",
    summary.requests, socket, summary.errors.status, v, a,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
