-- KEYS[1] seats set, KEYS[2] seat hash, KEYS[3] tombstone
-- ARGV: base, seat id, now ms, new expiry ms, backstop ms
-- Returns {'alive', seat} | {'revoked'} | {'not_found'}
local seats, tombstone = KEYS[1], KEYS[3]
local base, id = ARGV[1], ARGV[2]
local now, expires, backstop = ARGV[3], ARGV[4], ARGV[5]

if redis.call('EXISTS', tombstone) == 1 then
  return {'revoked'}
end

local score = redis.call('ZSCORE', seats, id)
local seat = read_seat(base, id)
if not score or not seat or tonumber(score) <= tonumber(now) then
  if score or seat then
    delete_seat(seats, base, id)
  end
  return {'not_found'}
end

touch_seat(seats, base, id, seat[2], seat[3], now, expires, backstop)
return {'alive', read_seat(base, id)}
