-- Reads what Redis believes of an event, for the integrity check and stats.
-- KEYS[1]  {ev:<id>}:init
-- Returns  {'NOINIT'} | {'OK', version, held[], sold[], blocked[]}
if not initialized() then return { 'NOINIT' } end
return { 'OK', tostring(current_version()), redis.call('HKEYS', key('held')), redis.call('SMEMBERS', key('sold')),
  redis.call('SMEMBERS', key('blocked')) }
