package io.newsstand.aggregator.internal.cluster;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Turns a headline and its lead into the set of features that story similarity
 * is measured on: normalised content words (lower case, accents folded, light
 * English stemming, stop words and news boiler-plate dropped), with names and
 * numbers counted twice because they tell one story from another, and character
 * bigrams for scripts written without spaces. The features are 32-bit hashes,
 * sorted and distinct.
 */
final class TextFeatures {

	static final int MAX_TITLE_CHARS = 300;

	private static final int SALIENT_SALT = 0x5bd1e995;

	private static final Set<String> STOP_WORDS = Set.of(
			// English function words
			"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
			"at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
			"did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
			"have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it",
			"its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not",
			"now", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "she",
			"should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
			"this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
			"when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yet",
			"amid", "among", "per", "via", "within", "without", "across", "toward", "towards", "since", "around",
			// words of news style that say nothing about which story it is
			"said", "say", "says", "saying", "told", "according", "report", "reported", "reports", "news", "new",
			"latest", "live", "update", "updates", "breaking", "year", "years", "week", "weeks", "day", "days", "today",
			"yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
			"morning", "evening", "night", "first", "last", "next", "one", "two", "three", "people", "time", "make",
			"made", "get", "got", "take", "took", "amp", "video", "watch", "photos", "exclusive", "analysis",
			"opinion");

	private TextFeatures() {
	}

	/** The features of one article's headline and lead, sorted and distinct. */
	static int[] of(String title, String lead, int maxLeadChars) {
		List<Token> tokens = new ArrayList<>();
		String plainTitle = plain(title, MAX_TITLE_CHARS);
		tokenize(plainTitle, looksTitleCased(plainTitle), tokens);
		tokenize(plain(lead, maxLeadChars), false, tokens);
		int[] features = new int[tokens.size() * 2];
		int n = 0;
		for (Token token : tokens) {
			int hash = hash(token.text());
			features[n++] = hash;
			if (token.salient()) {
				features[n++] = Integer.rotateLeft(hash * SALIENT_SALT, 13) ^ SALIENT_SALT;
			}
		}
		return Arrays.stream(features, 0, n).sorted().distinct().toArray();
	}

	/** Plain text: markup and entities resolved, cut at a word boundary. */
	static String plain(String text, int maxChars) {
		String cut = cut(text, maxChars * 4); // bound the work markup can cause
		String plain = (cut.indexOf('<') >= 0 || cut.indexOf('&') >= 0) ? Jsoup.parseBodyFragment(cut).text() : cut;
		return cut(Normalizer.normalize(plain, Normalizer.Form.NFKC), maxChars);
	}

	private static String cut(String text, int maxChars) {
		if (text.length() <= maxChars) {
			return text;
		}
		int end = maxChars;
		while (end > maxChars / 2 && !Character.isWhitespace(text.charAt(end))) {
			end--;
		}
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	/** Headline Case Like This: capitals say nothing about names there. */
	private static boolean looksTitleCased(String title) {
		int words = 0;
		int capitalised = 0;
		for (String word : title.split("\\s+")) {
			if (!word.isEmpty() && Character.isLetter(word.codePointAt(0))) {
				words++;
				if (Character.isUpperCase(word.codePointAt(0))) {
					capitalised++;
				}
			}
		}
		return words >= 3 && capitalised * 10 >= words * 7;
	}

	private static void tokenize(String text, boolean ignoreCapitals, List<Token> out) {
		int i = 0;
		boolean sentenceStart = true;
		int length = text.length();
		while (i < length) {
			int cp = text.codePointAt(i);
			if (isUnspacedScript(cp)) {
				int start = i;
				while (i < length && isUnspacedScript(text.codePointAt(i))) {
					i += Character.charCount(text.codePointAt(i));
				}
				bigrams(text.substring(start, i), out);
				sentenceStart = false;
			} else if (Character.isLetterOrDigit(cp)) {
				int start = i;
				i = wordEnd(text, i);
				word(text.substring(start, i), sentenceStart, ignoreCapitals, out);
				sentenceStart = false;
			} else {
				if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '"' || cp == '\u201c' || cp == '\u2018') {
					sentenceStart = true;
				}
				i += Character.charCount(cp);
			}
		}
	}

	/**
	 * A word runs over letters, digits, marks, and inner apostrophes, dots or
	 * commas between digits.
	 */
	private static int wordEnd(String text, int from) {
		int i = from;
		int length = text.length();
		while (i < length) {
			int cp = text.codePointAt(i);
			if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
					|| Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
				i += Character.charCount(cp);
			} else if (i + 1 < length && i > from && (cp == '\'' || cp == '\u2019')
					&& Character.isLetter(text.charAt(i + 1))) {
				i++;
			} else if (i + 1 < length && i > from && (cp == '.' || cp == ',') && Character.isDigit(text.charAt(i - 1))
					&& Character.isDigit(text.charAt(i + 1))) {
				i++;
			} else {
				break;
			}
		}
		return i;
	}

	private static void word(String raw, boolean sentenceStart, boolean ignoreCapitals, List<Token> out) {
		boolean numeric = Character.isDigit(raw.charAt(0));
		boolean capitalised = !numeric && Character.isUpperCase(raw.codePointAt(0));
		String word = fold(raw).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
		int apostrophe = word.indexOf('\'');
		if (apostrophe > 0) {
			word = word.substring(0, apostrophe); // Biden's, don't: keep the stem
		}
		if (numeric) {
			word = word.replace(",", "");
		}
		if (STOP_WORDS.contains(word) || (word.length() < 2 && !numeric)) {
			return;
		}
		boolean salient = numeric || (capitalised && !sentenceStart && !ignoreCapitals);
		out.add(new Token(numeric ? word : stem(word), salient));
	}

	private static void bigrams(String run, List<Token> out) {
		int[] cps = run.codePoints().toArray();
		if (cps.length == 1) {
			out.add(new Token(run, false));
		}
		for (int i = 0; i + 1 < cps.length; i++) {
			out.add(new Token(new String(cps, i, 2), false));
		}
	}

	/** Folds accents of Latin letters only: elsewhere marks carry meaning. */
	private static String fold(String word) {
		boolean latin = word.codePoints().filter(Character::isLetter)
				.allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
		if (!latin) {
			return word;
		}
		String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
		StringBuilder folded = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) != Character.NON_SPACING_MARK) {
				folded.append(c);
			}
		}
		return folded.toString();
	}

	/**
	 * A light English stemmer: plural and verb endings, so "cuts", "cut" and
	 * "cutting" meet.
	 */
	static String stem(String word) {
		if (word.length() <= 3 || !isAsciiLetters(word)) {
			return word;
		}
		String w = word;
		if (w.endsWith("ies") && w.length() > 4) {
			w = w.substring(0, w.length() - 3) + "y";
		} else if (w.endsWith("es") && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses")
				|| w.endsWith("xes") || w.endsWith("zes"))) {
			w = w.substring(0, w.length() - 2);
		} else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
			w = w.substring(0, w.length() - 1);
		}
		if (w.endsWith("ing") && w.length() > 5) {
			w = undouble(w.substring(0, w.length() - 3));
		} else if (w.endsWith("ed") && w.length() > 4) {
			w = undouble(w.substring(0, w.length() - 2));
		}
		if (w.endsWith("e") && w.length() > 4) {
			w = w.substring(0, w.length() - 1);
		}
		return w;
	}

	private static String undouble(String w) {
		int n = w.length();
		if (n > 2 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
			return w.substring(0, n - 1);
		}
		return w;
	}

	private static boolean isAsciiLetters(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c < 'a' || c > 'z') {
				return false;
			}
		}
		return true;
	}

	private static boolean isUnspacedScript(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
				|| script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
				|| script == Character.UnicodeScript.MYANMAR;
	}

	/** FNV-1a over the UTF-16 units, finished with a murmur mix. */
	static int hash(String token) {
		int h = 0x811c9dc5;
		for (int i = 0; i < token.length(); i++) {
			h ^= token.charAt(i);
			h *= 0x01000193;
		}
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

	private record Token(String text, boolean salient) {
	}

}
