package io.leadrules.rules.table;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.parser.DataListener;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point table (a Drools decision table, {@code *.drl.csv} or {@code *.drl.xlsx}) turned into DRL by Drools'
 * {@link SpreadsheetCompiler}, one rule per row, remembering which row each generated line came from. The DRL then goes
 * through the same policy check, catalog and build as a hand-written file; whatever those say about a generated line
 * is reported at the table's row and cell instead ({@link #locate}).
 */
public final class PointTable {

    /** What SpreadsheetCompiler writes above each generated rule: the row of its values and of its RuleTable. */
    private static final Pattern RULE_ORIGIN = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)");
    /** The metadata a catalog problem is about: "@points(abc) is not a number", "unknown category". */
    private static final Pattern METADATA_KEY = Pattern.compile("@(\\w+)\\(|(category)");
    private static final Pattern CELL_REFERENCE = Pattern.compile("\\b(?:row|line)\\s+(\\d+)|\\b[A-Z]{1,3}(\\d+)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Below a RuleTable row: column types, object types, code templates, then the headings a marketer reads. */
    private static final int CODE_ROW = 3;
    private static final int HEADING_ROW = 4;

    private final String drl;
    private final List<String> drlLines;
    /** For each generated line (index = line - 1), the rule it belongs to; null outside rules. */
    private final Origin[] originOfLine;
    private final Map<String, Origin> originOfRule = new LinkedHashMap<>();
    /** Cells by sheet, then 1-based row, then 1-based column. */
    private final Map<String, TreeMap<Integer, TreeMap<Integer, String>>> sheets;

    /** A generated rule's place in the table: its values' row and its RuleTable's row and first column. */
    private record Origin(String sheet, int row, int tableRow, int tableColumn) {
    }

    private PointTable(String drl, Map<String, TreeMap<Integer, TreeMap<Integer, String>>> sheets) {
        this.drl = drl;
        this.drlLines = drl.lines().toList();
        this.sheets = sheets;
        this.originOfLine = new Origin[drlLines.size()];
        mapLinesToRows();
    }

    /** Whether Drools reads this file as a decision table: {@code .drl.csv}, {@code .drl.xls}, {@code .drl.xlsx}. */
    public static boolean isTable(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".drl.csv") || name.endsWith(".drl.xls") || name.endsWith(".drl.xlsx");
    }

    /** Whether the table is a workbook (binary) rather than CSV text. */
    public static boolean isWorkbook(String path) {
        return isTable(path) && !path.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** Reads a table and generates its DRL; a table Drools cannot read at all is a {@link TableFormatException}. */
    public static PointTable read(String path, byte[] content) throws TableFormatException {
        boolean workbook = isWorkbook(path);
        DefaultRuleSheetListener rules = new DefaultRuleSheetListener();
        CellRecorder cells = new CellRecorder(workbook);
        try {
            (workbook ? InputType.XLS : InputType.CSV).createParser(List.of(rules, cells))
                    .parseFile(new ByteArrayInputStream(content));
            String drl = new SpreadsheetCompiler().listenerToString(rules);
            PointTable table = new PointTable(drl, cells.sheets);
            if (table.originOfRule.isEmpty()) {
                throw new TableFormatException("The table has no rules: it needs a \"RuleTable <name>\" row, the four"
                        + " rows of its header (column types, facts, templates, headings) and one row per rule", 0);
            }
            return table;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause.getMessage() != null) {
                    message = message + ": " + cause.getMessage();
                }
            }
            Matcher at = CELL_REFERENCE.matcher(message);
            int row = at.find() ? Integer.parseInt(at.group(1) != null ? at.group(1) : at.group(2)) : 0;
            throw new TableFormatException("Drools cannot read this table: " + message, row);
        }
    }

    /** The generated DRL: the table's RuleSet, Import and Variables as the header, then one rule per row. */
    public String drl() {
        return drl;
    }

    /** The row a generated rule came from, by rule name. */
    public Optional<TableCell> ruleRow(String ruleName) {
        return Optional.ofNullable(originOfRule.get(ruleName)).map(o -> new TableCell(o.sheet(), o.row(), 0, null));
    }

    /**
     * The cell behind a problem reported at a generated line and column (1-based, 0 if unknown): the rule's row, and
     * the column whose value or metadata the problem is about when that can be told.
     */
    public Optional<TableCell> locate(int drlLine, int drlColumn, String message) {
        Origin origin = drlLine >= 1 && drlLine <= originOfLine.length ? originOfLine[drlLine - 1] : null;
        if (origin == null && drlLine == 0) {
            origin = originOfRule.entrySet().stream().filter(e -> message.contains("\"" + e.getKey() + "\""))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (origin == null) {
            return drlLine >= 1 && drlLine <= drlLines.size() ? headerCell(drlLines.get(drlLine - 1)) : Optional.empty();
        }
        int column = metadataColumn(origin, message);
        if (column == 0 && drlLine >= 1) {
            column = valueColumn(origin, drlLines.get(drlLine - 1), drlColumn);
        }
        return Optional.of(cell(origin.sheet(), origin.row(), column, origin));
    }

    private TableCell cell(String sheet, int row, int column, Origin origin) {
        String heading = origin == null || column == 0 ? null : value(sheet, origin.tableRow() + HEADING_ROW, column);
        return new TableCell(sheet, row, column, heading);
    }

    /** "@points(abc) is not a number" is about the column whose template writes {@code points(...)}. */
    private int metadataColumn(Origin origin, String message) {
        Matcher key = METADATA_KEY.matcher(message);
        if (!key.find()) {
            return 0;
        }
        String name = key.group(1) != null ? key.group(1) : key.group(2);
        for (Map.Entry<Integer, String> code : rowCells(origin.sheet(), origin.tableRow() + CODE_ROW).entrySet()) {
            if (code.getValue().replace(" ", "").startsWith(name + "(")) {
                return code.getKey();
            }
        }
        return 0;
    }

    /** The row's cell whose text the generated line shows at the column (or anywhere on the line). */
    private int valueColumn(Origin origin, String line, int drlColumn) {
        int anywhere = 0;
        for (Map.Entry<Integer, String> cell : rowCells(origin.sheet(), origin.row()).entrySet()) {
            if (cell.getKey() < origin.tableColumn()) {
                continue;
            }
            for (String text : forms(cell.getValue())) {
                for (int at = line.indexOf(text); at >= 0; at = line.indexOf(text, at + 1)) {
                    if (drlColumn >= at + 1 && drlColumn <= at + text.length() + 1) {
                        return cell.getKey();
                    }
                    if (anywhere == 0) {
                        anywhere = cell.getKey();
                    }
                }
            }
        }
        return anywhere;
    }

    /** A cell's text as it may appear in DRL: whole, with quotes escaped, or one item of a comma list. */
    private static List<String> forms(String value) {
        List<String> forms = new ArrayList<>();
        String text = value.trim();
        if (text.isEmpty()) {
            return forms;
        }
        forms.add(text);
        forms.add(text.replace("\"", "\\\""));
        for (String item : text.split(",")) {
            if (!item.isBlank() && !item.trim().equals(text)) {
                forms.add(item.trim());
            }
        }
        return forms;
    }

    /** A generated header line (package, import, global) comes from a RuleSet, Import or Variables cell. */
    private Optional<TableCell> headerCell(String line) {
        for (Map.Entry<String, TreeMap<Integer, TreeMap<Integer, String>>> sheet : sheets.entrySet()) {
            for (Map.Entry<Integer, TreeMap<Integer, String>> row : sheet.getValue().entrySet()) {
                for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                    for (String item : cell.getValue().split(",")) {
                        String text = item.trim();
                        if (text.length() >= 3 && line.contains(text)) {
                            return Optional.of(new TableCell(sheet.getKey(), row.getKey(), cell.getKey(), null));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Map<Integer, String> rowCells(String sheet, int row) {
        return sheets.getOrDefault(sheet, new TreeMap<>()).getOrDefault(row, new TreeMap<>());
    }

    private String value(String sheet, int row, int column) {
        return rowCells(sheet, row).get(column);
    }

    private void mapLinesToRows() {
        List<String> sheetNames = new ArrayList<>(sheets.keySet());
        int sheetCursor = 0;
        Origin current = null;
        for (int i = 0; i < drlLines.size(); i++) {
            String line = drlLines.get(i);
            Matcher origin = RULE_ORIGIN.matcher(line);
            if (origin.find()) {
                int row = Integer.parseInt(origin.group(2));
                int tableRow = Integer.parseInt(origin.group(4));
                int tableColumn = column(origin.group(3));
                // The comment does not name the sheet: rules come sheet by sheet, so take the next sheet that has
                // a RuleTable at that place.
                while (sheetCursor < sheetNames.size() - 1
                        && !isRuleTable(value(sheetNames.get(sheetCursor), tableRow, tableColumn))) {
                    sheetCursor++;
                }
                String sheet = sheetNames.isEmpty() ? "" : sheetNames.get(sheetCursor);
                current = new Origin(sheet, row, tableRow, tableColumn);
            }
            if (current != null) {
                originOfLine[i] = current;
                String trimmed = line.trim();
                if (trimmed.startsWith("rule ")) {
                    originOfRule.putIfAbsent(ruleName(trimmed.substring(5).trim()), current);
                }
                if (trimmed.equals("end")) {
                    current = null;
                }
            }
        }
    }

    private static boolean isRuleTable(String cell) {
        return cell != null && cell.trim().toLowerCase(Locale.ROOT).startsWith("ruletable");
    }

    private static String ruleName(String quoted) {
        return quoted.startsWith("\"") && quoted.lastIndexOf('"') > 0
                ? quoted.substring(1, quoted.lastIndexOf('"')).replace("\\\"", "\"") : quoted;
    }

    private static int column(String letters) {
        int column = 0;
        for (char c : letters.toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return column;
    }

    /** Keeps every cell's text, so a problem can be pointed at the cell that caused it. */
    private static final class CellRecorder implements DataListener {
        private final boolean namedSheets;
        private final Map<String, TreeMap<Integer, TreeMap<Integer, String>>> sheets = new LinkedHashMap<>();
        private TreeMap<Integer, TreeMap<Integer, String>> sheet;

        CellRecorder(boolean namedSheets) {
            this.namedSheets = namedSheets;
        }

        @Override
        public void startSheet(String name) {
            sheet = sheets.computeIfAbsent(namedSheets && name != null ? name : "", k -> new TreeMap<>());
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int row, int columns) {
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (sheet == null) {
                startSheet("");
            }
            if (value != null && !value.isEmpty()) {
                sheet.computeIfAbsent(row + 1, k -> new TreeMap<>()).put(column + 1, value);
            }
        }
    }
}
