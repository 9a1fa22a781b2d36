package th.integrity.local;

import java.nio.file.Path;

/** How paths appear in messages: relative to the current directory when inside it, as developers typed them. */
final class Display {

    private Display() {
    }

    static String path(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (absolute.startsWith(cwd) && !absolute.equals(cwd)) {
            return cwd.relativize(absolute).toString();
        }
        return absolute.toString();
    }
}
