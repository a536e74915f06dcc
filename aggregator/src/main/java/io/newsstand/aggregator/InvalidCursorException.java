package io.newsstand.aggregator;

/**
 * A paging cursor that this service did not produce (or that was tampered
 * with).
 */
public class InvalidCursorException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 *
	 * @param cursor
	 *            the cursor as received
	 */
	public InvalidCursorException(String cursor) {
		super("invalid cursor: " + (cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor));
	}

}
