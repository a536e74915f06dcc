package io.newsstand.aggregator.internal.cluster;

import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of story clustering. Each declares every key it touches, and
 * all keys share one hash tag (see {@link ClusterKeys}).
 */
final class ClusterScripts {

	/**
	 * KEYS: the article, then its buckets. ARGV: min and max published time,
	 * articles read per bucket, the article id, the most candidates to return, the
	 * key prefix of article records. Returns the article's stored features, cluster
	 * and publish time (empty when new), then per candidate its id, publisher,
	 * published time, features and cluster ('' when gone): first those found in two
	 * or more buckets (a true version of the story shares several bands, an
	 * unrelated article rarely more than one), then the others, newest first, up to
	 * the limit. In a large window this keeps the candidates to compare bounded.
	 * <p>
	 * The candidates' records are read here rather than in a second script, which
	 * saves a round trip per assignment. Their keys cannot be declared in advance
	 * (the script finds them); they share the {@code {stories}} hash tag, and so
	 * the slot, of the declared keys, which Redis Cluster serves.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> LOOKUP = RedisScript.of("""
			local own = redis.call('HMGET', KEYS[1], 'f', 'c', 't')
			local out = {own[1] or '', own[2] or '', own[3] or ''}
			local hits, order = {}, {}
			for i = 2, #KEYS do
			  local ids = redis.call('ZREVRANGEBYSCORE', KEYS[i], ARGV[2], ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
			  for _, id in ipairs(ids) do
			    if id ~= ARGV[4] then
			      local n = hits[id]
			      if n == nil then
			        order[#order + 1] = id
			        hits[id] = 1
			      else
			        hits[id] = n + 1
			      end
			    end
			  end
			end
			local limit, chosen = tonumber(ARGV[5]), 0
			local function add(id)
			  local r = redis.call('HMGET', ARGV[6] .. id, 'p', 't', 'f', 'c')
			  out[#out + 1] = id
			  for j = 1, 4 do out[#out + 1] = r[j] or '' end
			  chosen = chosen + 1
			end
			for _, id in ipairs(order) do
			  if chosen >= limit then return out end
			  if hits[id] > 1 then add(id) end
			end
			for _, id in ipairs(order) do
			  if chosen >= limit then return out end
			  if hits[id] == 1 then add(id) end
			end
			return out
			""", List.class);

	/**
	 * Stores an article and links it to the first matching candidate whose cluster
	 * has no article of the same publisher yet.
	 * <p>
	 * KEYS: the article, its old cluster (or the article again), nOld old buckets,
	 * nNew new buckets, then per candidate its article and its cluster. ARGV: id,
	 * publisher, published, features, nOld, nNew, bucket TTL, record TTL, oldest
	 * score to keep, expected old cluster, '1' when the article is fresh (its
	 * bucket TTL is within minutes of the longest any bucket has, so it is set
	 * without reading the current one first), then per candidate: expected cluster
	 * ('' for none), the cluster id to use, its id, publisher and published time.
	 * Returns {@code retry} when the article's cluster changed since it was read,
	 * {@code alone}, or {@code joined}, the cluster id and the cluster's
	 * field/value pairs.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> LINK = RedisScript.of("""
			local id, pub, at, f = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
			local nOld, nNew = tonumber(ARGV[5]), tonumber(ARGV[6])
			local bucketTtl, recordTtl = tonumber(ARGV[7]), tonumber(ARGV[8])
			local fresh = ARGV[11] == '1'
			local current = redis.call('HGET', KEYS[1], 'c') or ''
			if current ~= ARGV[10] then return {'retry'} end
			if current ~= '' then
			  local member = redis.call('HGET', KEYS[2], pub)
			  if member and string.sub(member, string.find(member, '|', 1, true) + 1) == id then
			    redis.call('HDEL', KEYS[2], pub)
			  end
			end
			local k = 3
			for i = 1, nOld do
			  redis.call('ZREM', KEYS[k], id)
			  k = k + 1
			end
			local rotation = tonumber(at) % 8
			for i = 1, nNew do
			  redis.call('ZADD', KEYS[k], at, id)
			  -- expired entries are trimmed from one bucket in eight per write: enough to bound a busy bucket
			  if i % 8 == rotation then redis.call('ZREMRANGEBYSCORE', KEYS[k], '-inf', '(' .. ARGV[9]) end
			  if fresh or redis.call('TTL', KEYS[k]) < bucketTtl then redis.call('EXPIRE', KEYS[k], bucketTtl) end
			  k = k + 1
			end
			redis.call('HSET', KEYS[1], 'p', pub, 't', at, 'f', f)
			redis.call('HDEL', KEYS[1], 'c')
			redis.call('EXPIRE', KEYS[1], recordTtl)
			local a = 12
			while k < #KEYS do
			  local candKey, clusterKey = KEYS[k], KEYS[k + 1]
			  local expected, clusterId = ARGV[a], ARGV[a + 1]
			  local candId, candPub, candAt = ARGV[a + 2], ARGV[a + 3], ARGV[a + 4]
			  k = k + 2
			  a = a + 5
			  if redis.call('EXISTS', candKey) == 1 and (redis.call('HGET', candKey, 'c') or '') == expected
			      and redis.call('HEXISTS', clusterKey, pub) == 0 then
			    if expected == '' then
			      redis.call('HSET', clusterKey, candPub, candAt .. '|' .. candId)
			      redis.call('HSET', candKey, 'c', clusterId)
			    end
			    redis.call('HSET', clusterKey, pub, at .. '|' .. id)
			    redis.call('HSET', KEYS[1], 'c', clusterId)
			    redis.call('EXPIRE', clusterKey, recordTtl)
			    local out = {'joined', clusterId}
			    for _, v in ipairs(redis.call('HGETALL', clusterKey)) do out[#out + 1] = v end
			    return out
			  end
			end
			return {'alone'}
			""", List.class);

	/**
	 * Forgets an article. KEYS: the article, its cluster (or the article again),
	 * its buckets. ARGV: id, publisher, expected cluster. Returns 0 when the
	 * cluster changed since it was read.
	 */
	static final RedisScript<Long> FORGET = RedisScript.of("""
			local current = redis.call('HGET', KEYS[1], 'c') or ''
			if current ~= ARGV[3] then return 0 end
			if current ~= '' then
			  local member = redis.call('HGET', KEYS[2], ARGV[2])
			  if member and string.sub(member, string.find(member, '|', 1, true) + 1) == ARGV[1] then
			    redis.call('HDEL', KEYS[2], ARGV[2])
			  end
			end
			for i = 3, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
			redis.call('DEL', KEYS[1])
			return 1
			""", Long.class);

	private ClusterScripts() {
	}

}
