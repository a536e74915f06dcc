package io.newsstand.web.frontpage;

import java.time.Instant;

/**
 * One editor's pick: shown in "Our Picks" by ascending order until it expires.
 *
 * @param articleId
 *            the article
 * @param order
 *            position (lower first)
 * @param expiresAt
 *            when it leaves "Our Picks"
 * @param pickedBy
 *            the editor's account id
 * @param pickedAt
 *            when it was picked
 */
public record Pick(String articleId, int order, Instant expiresAt, String pickedBy, Instant pickedAt) {

	String encode() {
		return this.order + "|" + this.expiresAt.toEpochMilli() + "|" + this.pickedBy + "|"
				+ this.pickedAt.toEpochMilli();
	}

	static Pick decode(String articleId, String value) {
		String[] parts = value.split("\\|", 4);
		return new Pick(articleId, Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2],
				Instant.ofEpochMilli(Long.parseLong(parts[3])));
	}

}
