-- KEYS[1] the window's counter
-- ARGV: limit, window end (epoch seconds)
-- Returns {allowed 0|1, used}. A refused call leaves the count unchanged.
local counter = KEYS[1]
local limit = tonumber(ARGV[1])
local used = tonumber(redis.call('GET', counter) or '0')

if used >= limit then
  -- Whatever wrote this key, it must not live forever.
  if redis.call('TTL', counter) == -1 then
    redis.call('EXPIREAT', counter, ARGV[2])
  end
  return {0, used}
end

used = redis.call('INCR', counter)
redis.call('EXPIREAT', counter, ARGV[2])
return {1, used}
