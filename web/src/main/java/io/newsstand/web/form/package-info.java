/**
 * A form's values, errors and CSRF token, as every page with a form renders
 * them; a package of its own below the feature packages (settings and layout
 * both use forms, and layout reads the reader's settings).
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.form;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
