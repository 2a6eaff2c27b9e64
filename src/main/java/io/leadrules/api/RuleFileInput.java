package io.leadrules.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.leadrules.rules.RuleFile;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule file of a ruleset sent in a request body (validate, preview, backtest): DRL, a point table as CSV text
 * ({@code .drl.csv}), or a workbook point table ({@code .drl.xlsx}) as Base64. {@code name} and {@code file} are
 * accepted for {@code path}, as people naturally call it.
 */
public record RuleFileInput(
        @JsonAlias({"name", "file", "filename"})
        @NotBlank(message = "is required")
        @Pattern(regexp = "^(?!/)(?!.*\\.\\.)[\\w ./-]+\\.drl(\\.csv|\\.xlsx|\\.xls)?$",
                message = "must be a relative path ending in .drl (or .drl.csv, .drl.xlsx for a point table), without \"..\"")
        String path,
        @JsonAlias("drl")
        @NotNull(message = "is required") String content) {

    public RuleFile toRuleFile() {
        return new RuleFile(path, content);
    }

    /** The files as the rules layer takes them; null (no files sent) stays null. */
    public static List<RuleFile> toRuleFiles(List<RuleFileInput> files) {
        return files == null ? null : files.stream().map(RuleFileInput::toRuleFile).toList();
    }

    /**
     * A list of files written either as {@code [{"path": "fit.drl", "content": "..."}]} or as an object from file
     * name to content, {@code {"fit.drl": "..."}}: both say the same and both are what a caller reaches for.
     */
    public static class ListDeserializer extends StdDeserializer<List<RuleFileInput>> {

        public ListDeserializer() {
            super(List.class);
        }

        @Override
        public List<RuleFileInput> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT && parser.currentToken() != JsonToken.START_ARRAY) {
                return context.reportInputMismatch(this, "expected the .drl files as a list of {\"path\", \"content\"}"
                        + " or an object from file name to content");
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                JavaType listType = context.getTypeFactory().constructCollectionType(List.class, RuleFileInput.class);
                return context.readValue(parser, listType);
            }
            List<RuleFileInput> files = new ArrayList<>();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    return context.reportInputMismatch(this, "the content of \"%s\" must be the DRL text as a string", name);
                }
                files.add(new RuleFileInput(name, parser.getText()));
            }
            return files;
        }
    }
}
