package io.newsstand.web.payouts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Largest-remainder (Hamilton) split of an amount in minor units by weights:
 * each gets the floor of its exact quota, and the cents left over go one each
 * to the largest remainders (ties to the smaller key), so the shares add up to
 * the amount exactly and none is negative.
 */
final class Shares {

	private Shares() {
	}

	/**
	 * Splits {@code amount} by {@code weights}; keys with weight 0 get 0.
	 *
	 * @throws IllegalArgumentException
	 *             for a negative amount or weight, or when every weight is 0
	 */
	static Map<String, Long> split(long amount, Map<String, Long> weights) {
		if (amount < 0) {
			throw new IllegalArgumentException("negative amount " + amount);
		}
		BigInteger total = BigInteger.ZERO;
		for (Map.Entry<String, Long> weight : weights.entrySet()) {
			if (weight.getValue() < 0) {
				throw new IllegalArgumentException("negative weight for " + weight.getKey());
			}
			total = total.add(BigInteger.valueOf(weight.getValue()));
		}
		if (total.signum() == 0) {
			throw new IllegalArgumentException("no weight to split " + amount + " by");
		}
		Map<String, Long> shares = new TreeMap<>();
		List<Remainder> remainders = new ArrayList<>();
		long handedOut = 0;
		BigInteger pool = BigInteger.valueOf(amount);
		for (Map.Entry<String, Long> weight : new TreeMap<>(weights).entrySet()) {
			// Exact integer maths: amount * weight never overflows a BigInteger.
			BigInteger[] quota = pool.multiply(BigInteger.valueOf(weight.getValue())).divideAndRemainder(total);
			long floor = quota[0].longValueExact();
			shares.put(weight.getKey(), floor);
			handedOut += floor;
			remainders.add(new Remainder(weight.getKey(), quota[1]));
		}
		remainders.sort(Comparator.comparing(Remainder::rest).reversed().thenComparing(Remainder::key));
		for (int i = 0; i < amount - handedOut; i++) {
			shares.merge(remainders.get(i).key(), 1L, Long::sum);
		}
		return shares;
	}

	private record Remainder(String key, BigInteger rest) {
	}

}
