package io.github.wuproxy.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM for {@link ClassCost}: loads (without initialising) the classes named in a file (one per line; none
 * for the floor), prints "loaded N", then idles. Its RSS minus the floor's is what those classes cost
 * at rest, without any objects of theirs.
 */
public final class LoadClasses {
    private LoadClasses() {}

    public static void main(String[] args) throws Exception {
        int loaded = 0;
        ClassLoader loader = LoadClasses.class.getClassLoader();
        for (String name : args.length > 0 ? Files.readAllLines(Path.of(args[0])) : java.util.List.<String>of()) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (Throwable e) {
                // a class only its library's own set-up can load (optional dependencies)
            }
        }
        System.gc();
        System.out.println("loaded " + loaded);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
