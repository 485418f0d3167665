-- Release (tombstone ms = 0) or revoke (tombstone ms > 0) a seat.
-- KEYS[1] seats set, KEYS[2] seat hash, KEYS[3] tombstone
-- ARGV: base, seat id, tombstone ms
-- Returns the freed seat, or an empty list when no such seat was recorded.
local seats, tombstone = KEYS[1], KEYS[3]
local base, id = ARGV[1], ARGV[2]
local tombstone_ms = tonumber(ARGV[3])

local seat = read_seat(base, id)
if not seat then
  if redis.call('ZSCORE', seats, id) then
    delete_seat(seats, base, id)
  end
  return {}
end

delete_seat(seats, base, id)
if tombstone_ms > 0 then
  redis.call('SET', tombstone, '1', 'PX', tombstone_ms)
end
return seat
