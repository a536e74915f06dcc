package io.newsstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs name classes and methods in backticks ({@code `ArticleStore`},
 * {@code `FeedStateStore.saveChanges`}); a rename that leaves the docs behind
 * fails here. A name is found when it is a type declared in this repository's
 * sources (nested types too) or a class on the test class path (Spring,
 * Lettuce, the JDK); a method after the dot is checked for this repository's
 * own types, by its identifier in the type's source file.
 */
class DocsReferencesTest {

	/**
	 * Backticked words shaped like class names that are not classes: HTTP headers,
	 * cookie attributes, product names.
	 */
	private static final Set<String> NOT_CLASSES = Set.of("Accept", "Host", "Forwarded", "Secure", "Lax", "SameSite",
			"Newsstand", "Discovery", "Node", "WebPageElement");

	private static final Pattern REFERENCE = Pattern
			.compile("`([A-Z][a-z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?(?:\\(\\))?`");

	private static final Pattern DECLARATION = Pattern
			.compile("\\b(?:class|record|enum|interface|@interface)\\s+([A-Z][A-Za-z0-9]*)");

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	/** Simple type name to the source files that declare it. */
	private static final Map<String, List<Path>> SOURCES = new HashMap<>();

	private static final Set<String> CLASS_PATH_NAMES = new HashSet<>();

	@BeforeAll
	static void index() throws IOException {
		try (Stream<Path> files = Files.walk(ROOT)) {
			files.filter(path -> path.toString().endsWith(".java") && path.toString().contains("/src/")
					&& !path.toString().contains("/target/")).forEach(DocsReferencesTest::indexSource);
		}
		for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(File.pathSeparator)) {
			if (entry.endsWith(".jar")) {
				indexJar(entry);
			}
		}
		// The JDK's own classes (java.lang, java.net.http, ...) are not on the class
		// path.
		for (String jdk : List.of("java.net.http.HttpClient", "java.net.http.HttpRequest", "java.text.SimpleDateFormat",
				"java.security.SecureRandom", "java.io.Serializable", "com.sun.net.httpserver.HttpServer")) {
			CLASS_PATH_NAMES.add(jdk.substring(jdk.lastIndexOf('.') + 1));
		}
	}

	@Test
	void everyClassAndMethodTheDocsNameExists() throws IOException {
		List<String> unknown = new ArrayList<>();
		for (Path doc : docs()) {
			Matcher matcher = REFERENCE.matcher(Files.readString(doc, StandardCharsets.UTF_8));
			while (matcher.find()) {
				String type = matcher.group(1);
				String method = matcher.group(2);
				String where = ROOT.relativize(doc) + ": `" + matcher.group() + "`";
				List<Path> declared = SOURCES.get(type);
				if (declared == null) {
					if (!CLASS_PATH_NAMES.contains(type) && !NOT_CLASSES.contains(type)) {
						unknown.add(where + " names no class");
					}
				} else if (method != null && declared.stream().noneMatch(source -> mentions(source, method))) {
					unknown.add(where + " names no method of " + type);
				}
			}
		}
		assertThat(unknown).as("code references in the docs").isEmpty();
	}

	@Test
	void theCheckFindsARenamedClassAndAMissingMethod() {
		assertThat(SOURCES).containsKey("DocsReferencesTest");
		assertThat(SOURCES).doesNotContainKey("ArticleStoreThatWasRenamed");
		assertThat(mentions(SOURCES.get("DocsReferencesTest").get(0), "everyClassAndMethodTheDocsNameExists")).isTrue();
		assertThat(mentions(SOURCES.get("DocsReferencesTest").get(0), "aMethodNobodyWrote" + "Yet")).isFalse();
		assertThat(CLASS_PATH_NAMES).contains("StringRedisTemplate", "UserDetailsService");
	}

	private static List<Path> docs() throws IOException {
		List<Path> docs = new ArrayList<>();
		docs.add(ROOT.resolve("README.md"));
		try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
			files.filter(path -> path.toString().endsWith(".md")).sorted().forEach(docs::add);
		}
		return docs;
	}

	private static boolean mentions(Path source, String identifier) {
		try {
			return Pattern.compile("\\b" + identifier + "\\b").matcher(Files.readString(source)).find();
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void indexSource(Path source) {
		String name = source.getFileName().toString();
		SOURCES.computeIfAbsent(name.substring(0, name.length() - ".java".length()), key -> new ArrayList<>())
				.add(source);
		try {
			Matcher matcher = DECLARATION.matcher(Files.readString(source, StandardCharsets.UTF_8));
			while (matcher.find()) {
				List<Path> declaring = SOURCES.computeIfAbsent(matcher.group(1), key -> new ArrayList<>());
				if (!declaring.contains(source)) {
					declaring.add(source);
				}
			}
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void indexJar(String jar) throws IOException {
		try (ZipFile zip = new ZipFile(jar)) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				String entry = entries.nextElement().getName();
				if (entry.endsWith(".class") && !entry.contains("$")) {
					CLASS_PATH_NAMES
							.add(entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".class".length()));
				}
			}
		}
	}

}
