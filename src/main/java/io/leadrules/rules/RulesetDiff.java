package io.leadrules.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What changed between two stored versions: a unified diff per file that was modified, added or removed. */
public final class RulesetDiff {

    private static final int CONTEXT_LINES = 3;
    /** Marks a last line that has no newline (DRL and scenario files hold no NUL characters). */
    private static final String NO_NEWLINE = "\u0000";
    private static final String NO_NEWLINE_MARKER = "\\ No newline at end of file";

    private RulesetDiff() {
    }

    /** @param change "modified", "added" or "removed" */
    public record FileDiff(String file, String change, String diff) {
    }

    /** Files are compared by path: rules and scenario tests ({@code tests/...}) alike. */
    public static List<FileDiff> between(RulesetVersionStore.StoredRuleset from, RulesetVersionStore.StoredRuleset to) {
        Map<String, String> a = contents(from);
        Map<String, String> b = contents(to);
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : union(a, b)) {
            String before = a.get(path);
            String after = b.get(path);
            if (before != null && before.equals(after)) {
                continue;
            }
            String change = before == null ? "added" : after == null ? "removed" : "modified";
            diffs.add(new FileDiff(path, change, unified(path, before, after)));
        }
        return diffs;
    }

    private static String unified(String path, String before, String after) {
        List<String> original = lines(before);
        List<String> revised = lines(after);
        Patch<String> patch = DiffUtils.diff(original, revised);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : "a/" + path,
                after == null ? "/dev/null" : "b/" + path, original, patch, CONTEXT_LINES);
        StringBuilder text = new StringBuilder();
        for (String line : out) {
            if (line.endsWith(NO_NEWLINE)) {
                text.append(line, 0, line.length() - 1).append('\n').append(NO_NEWLINE_MARKER).append('\n');
            } else {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * The file's lines; a last line without its newline carries {@link #NO_NEWLINE}, so it differs from the same
     * line with one (as for diff and patch) and is written with the {@code \ No newline at end of file} marker.
     */
    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        String last = lines.remove(lines.size() - 1);
        if (!last.isEmpty()) {
            lines.add(last + NO_NEWLINE);
        }
        return lines;
    }

    private static Map<String, String> contents(RulesetVersionStore.StoredRuleset set) {
        Map<String, String> map = new TreeMap<>();
        set.files().forEach(f -> map.put(f.path(), f.content()));
        set.tests().forEach(t -> map.put(t.path(), t.content()));
        return map;
    }

    private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
