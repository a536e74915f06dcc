package io.newsstand.stripesandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The sandbox alone on a real web server, for the module's own tests. */
@SpringBootApplication
class SandboxTestApplication {

}
