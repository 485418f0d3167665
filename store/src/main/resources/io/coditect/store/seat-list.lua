-- KEYS[1] seats set
-- ARGV: base, now ms
-- Returns the live seats {seat, ...}, after purging the expired ones.
local seats = KEYS[1]
local base = ARGV[1]
local now = ARGV[2]

purge_expired(seats, base, now)
return live_seats(seats, base)
