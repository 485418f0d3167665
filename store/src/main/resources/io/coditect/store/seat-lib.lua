-- Shared by the seat scripts; LuaScript prepends it to each of them.
--
-- Layout, all under one license's hash tag so a script touches a single cluster slot:
--   <base>seats              sorted set  seatId -> expiry (ms); the authority on liveness
--   <base>seat:<seatId>      hash        the seat's fields
--   <base>dev:<uid>:<dev>    string      seatId held by that user's device
--   <base>revoked:<seatId>   string      tombstone of a revoked seat
-- where <base> is "<prefix>lic:{<licenseId>}:". Hash and device keys carry a backstop PEXPIRE
-- a little longer than the seat's TTL, so an abandoned license cleans itself up; they are
-- reached by name rather than through KEYS, which Redis allows because they share the slot.

local FIELDS = {'sid', 'uid', 'dev', 'name', 'ksid', 'created', 'hb', 'exp'}

local function seat_key(base, id)
  return base .. 'seat:' .. id
end

local function dev_key(base, uid, dev)
  return base .. 'dev:' .. uid .. ':' .. dev
end

-- Present-or-absent strings arrive as '' (absent) or '=' .. value, since ARGV cannot carry nil.
local function optional(arg)
  if arg == '' then
    return nil
  end
  return string.sub(arg, 2)
end

local function set_optional(key, field, value)
  if value then
    redis.call('HSET', key, field, value)
  else
    redis.call('HDEL', key, field)
  end
end

-- The seat as the FIELDS list (absent fields are false, i.e. nil in the reply), or nil.
local function read_seat(base, id)
  local values = redis.call('HMGET', seat_key(base, id), unpack(FIELDS))
  if not values[1] then
    return nil
  end
  return values
end

-- Removes every key of a seat; the device pointer only if it still points at this seat.
local function delete_seat(seats, base, id)
  local key = seat_key(base, id)
  local owner = redis.call('HMGET', key, 'uid', 'dev')
  if owner[1] and owner[2] then
    local pointer = dev_key(base, owner[1], owner[2])
    if redis.call('GET', pointer) == id then
      redis.call('DEL', pointer)
    end
  end
  redis.call('DEL', key)
  redis.call('ZREM', seats, id)
end

-- A seat is live while its expiry is after now; one expiring exactly at now is gone.
local function purge_expired(seats, base, now)
  local expired = redis.call('ZRANGEBYSCORE', seats, '-inf', now)
  for _, id in ipairs(expired) do
    delete_seat(seats, base, id)
  end
  redis.call('ZREMRANGEBYSCORE', seats, '-inf', now)
end

-- Live seats; members whose hash the backstop already expired are dropped rather than counted.
local function live_seats(seats, base)
  local result = {}
  for _, id in ipairs(redis.call('ZRANGE', seats, 0, -1)) do
    local seat = read_seat(base, id)
    if seat then
      table.insert(result, seat)
    else
      delete_seat(seats, base, id)
    end
  end
  return result
end

-- Pushes a seat's expiry and every backstop TTL forward. Times arrive as the caller's decimal
-- strings and are stored as such, never passed through Lua's floating-point numbers.
local function touch_seat(seats, base, id, uid, dev, now, expires, backstop)
  local key = seat_key(base, id)
  redis.call('ZADD', seats, expires, id)
  redis.call('HSET', key, 'hb', now, 'exp', expires)
  redis.call('PEXPIRE', key, backstop)
  redis.call('PEXPIRE', dev_key(base, uid, dev), backstop)
  -- The set outlives its longest-lived seat; never shorten it for a seat with a smaller TTL.
  if redis.call('PTTL', seats) < tonumber(backstop) then
    redis.call('PEXPIRE', seats, backstop)
  end
end

