-- KEYS[1] seats set, KEYS[2] seat hash
-- ARGV: base, seat id, now ms
-- Returns the seat, or an empty list when it is not live. Changes nothing.
local seats = KEYS[1]
local base, id = ARGV[1], ARGV[2]
local now = tonumber(ARGV[3])

local score = redis.call('ZSCORE', seats, id)
if not score or tonumber(score) <= now then
  return {}
end
return read_seat(base, id) or {}
