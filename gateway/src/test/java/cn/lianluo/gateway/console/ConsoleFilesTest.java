package cn.lianluo.gateway.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the build's own files are served: no name reaches outside META-INF/lianluo-console/ or a hidden file. */
class ConsoleFilesTest {

    @Test
    void names_that_climb_out_or_hide_are_not_served(@TempDir Path root) throws Exception {
        Path console = root.resolve(ConsoleFiles.ROOT);
        Files.createDirectories(console.resolve("assets"));
        Files.writeString(console.resolve("index.html"), "<div id=\"app\"></div>");
        Files.writeString(console.resolve("assets/index-abc.js"), "export {}");
        Files.writeString(console.resolve(".hidden.js"), "secret");
        Files.writeString(root.resolve("META-INF/outside.js"), "secret");
        Files.writeString(root.resolve("outside.js"), "secret");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            ConsoleFiles files = new ConsoleFiles(loader);
            assertThat(files.find("index.html")).isPresent();
            assertThat(files.find("assets/index-abc.js")).isPresent();
            for (String name : new String[] {"../outside.js", "../../outside.js", "assets/../../outside.js", "assets/../index.html",
                    "..\\outside.js", "/index.html", "assets//index-abc.js", ".hidden.js", "assets/.././index.html",
                    "index.properties", "assets/missing.js"}) {
                assertThat(files.find(name)).as(name).isEmpty();
            }
        }
    }
}
