package dev.specgen.write;

import java.util.List;

/**
 * What a generate run will do, file by file: the seed's "Files created/modified", plus deletions of
 * orphans and files left alone. Conflicts are files specgen would overwrite but did not make.
 */
public record WritePlan(List<String> created, List<String> modified, List<String> deleted, List<String> unchanged,
        List<String> conflicts) {

    public boolean changesAnything() {
        return !created.isEmpty() || !modified.isEmpty() || !deleted.isEmpty();
    }
}
