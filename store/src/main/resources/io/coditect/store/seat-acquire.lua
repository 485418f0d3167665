-- KEYS[1] seats set, KEYS[2] device pointer of the requesting user's device
-- ARGV: base, now ms, expiry ms, backstop ms, max seats, new seat id, user id, device id,
--       device name (optional), keycloak session id (optional), license id
-- Returns {'granted', reused 0|1, seats in use, seat} or {'exhausted', {seat, ...}}
local seats, pointer = KEYS[1], KEYS[2]
local base = ARGV[1]
local now, expires, backstop = ARGV[2], ARGV[3], ARGV[4]
local max_seats = tonumber(ARGV[5])
local new_id, uid, dev = ARGV[6], ARGV[7], ARGV[8]
local name, ksid, license = optional(ARGV[9]), optional(ARGV[10]), ARGV[11]

purge_expired(seats, base, now)

local held = redis.call('GET', pointer)
if held then
  local seat = read_seat(base, held)
  -- The pointer key joins user and device with ':', so confirm the seat really is this pair's.
  if seat and seat[2] == uid and seat[3] == dev and redis.call('ZSCORE', seats, held) then
    set_optional(seat_key(base, held), 'ksid', ksid)
    touch_seat(seats, base, held, uid, dev, now, expires, backstop)
    return {'granted', 1, redis.call('ZCARD', seats), read_seat(base, held)}
  end
  redis.call('DEL', pointer)
end

if redis.call('ZCARD', seats) >= max_seats then
  -- Recount without ghosts before refusing; the list is what the caller shows the user.
  local live = live_seats(seats, base)
  if #live >= max_seats then
    return {'exhausted', live}
  end
end

local key = seat_key(base, new_id)
redis.call('HSET', key, 'sid', new_id, 'lic', license, 'uid', uid, 'dev', dev, 'created', now)
set_optional(key, 'name', name)
set_optional(key, 'ksid', ksid)
redis.call('SET', pointer, new_id)
touch_seat(seats, base, new_id, uid, dev, now, expires, backstop)
return {'granted', 0, redis.call('ZCARD', seats), read_seat(base, new_id)}
