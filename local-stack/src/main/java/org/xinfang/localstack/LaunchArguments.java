package org.xinfang.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} arguments of the launchers. */
record LaunchArguments(Map<String, String> values, Set<String> flags) {

    static LaunchArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(args[i], args[++i]);
            } else {
                flags.add(args[i]);
            }
        }
        return new LaunchArguments(values, flags);
    }

    int intValue(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    Path path(String name, Path fallback) {
        return values.containsKey(name) ? Path.of(values.get(name)) : fallback;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
